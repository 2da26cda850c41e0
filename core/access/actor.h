#pragma once

#include "access/role.h"

#include <QString>

namespace FrontDoor {

// Who is acting: every mutating call of the store carries one, the store checks the role against the
// operation × role table (access/permissions.h), and the audit trail records the user.
struct Actor
{
    QString userId;
    Role role = Role::CallHandler;
};

} // namespace FrontDoor
