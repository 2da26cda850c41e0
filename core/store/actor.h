#pragma once

#include <QString>

namespace FrontDoor {

// Who is acting: every mutating call of the store carries one, and the audit trail records it.
// (The sign-in issue authenticates it and adds the role.)
struct Actor
{
    QString userId;
};

} // namespace FrontDoor
