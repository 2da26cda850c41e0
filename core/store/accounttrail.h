#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace FrontDoor {

class Database;

// Accounts in the audit trail (issue 17). Every change to an account — created, disabled, enabled, password reset
// or strengthened — is an event carrying the account's whole state after it ("after": name, role, disabled, and a
// SHA-256 of the password hash, never the hash itself). The verifier replays those events and compares the accounts
// table with them, and checks that every failed sign-in the trail records is still counted, so no role, password,
// disabled flag or back-off can be changed behind Front Door's back unnoticed.
namespace AccountTrail {

QJsonObject stateOf(const QString &id, const QString &displayName, const QString &role, bool disabled,
                    const QString &passwordHash);

// Database step 3 (the release that began this): one "accountsRecorded" event with every existing account's state,
// inside the step's own transaction. Nothing when there are no accounts yet.
Status recordExisting(Database &database, const QDateTime &now);

struct Check
{
    int accounts = 0;
    QStringList findings;
};
Result<Check> check(Database &database);

} // namespace AccountTrail
} // namespace FrontDoor
