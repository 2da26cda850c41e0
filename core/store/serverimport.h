#pragma once

#include "calendar/workingcalendar.h"
#include "common/clock.h"
#include "common/result.h"

namespace FrontDoor {

class Database;

// `frontdoor server import-database FILE` (issue 19): a standalone workstation's database brought into the team's
// server whole, by the database administrator, before the team starts on it.
//
// - The file is opened read-only and verified first (AuditVerifier: the chain, every referral's state against its
//   trail, every derived row); a file that does not verify is refused and nothing is written.
// - Every referral keeps its reference, status and content, and its people their ids (they sign in to the server
//   under the same ones); a reference the server already holds refuses the whole import, naming it (nothing is
//   ever merged — two workstations that both numbered NOR-2026-000001 need a decision, not a guess).
// - The file's whole trail is copied byte for byte into `imported_history`, so its own chain still verifies from
//   its genesis to the head verified here; each referral gets one "imported" event in the server's chain (the
//   provenance: the file, its verified head, how the referral stood there), recorded under the administrator.
// - All of it in one transaction: all or nothing.
//
// Accounts are not brought in: a standalone account's password hash is not a server login. An administrator adds
// each person with `frontdoor user add` under the same id, and their drafts are theirs again.
namespace ServerImport {

struct Imported
{
    int referrals = 0;
    qint64 historyEvents = 0;
    QString sourceHead; // the file's verified head hash
};

Result<Imported>
importDatabase(Database &server, const QString &file, const Clock &clock, const WorkingCalendar &calendar);

} // namespace ServerImport

} // namespace FrontDoor
