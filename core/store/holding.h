#pragma once

#include <QtGlobal>

struct sqlite3;

namespace FrontDoor {

// How much a database holds: its referrals and its last audit event's number (-1 when it cannot be read). A copy
// that holds less than what it was taken from — a backup, an encrypted conversion — lost something.
struct Holding
{
    qint64 referrals = -1;
    qint64 events = -1;
};

Holding holdingOf(sqlite3 *db);

} // namespace FrontDoor
