#pragma once

#include "access/role.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/accounts.h"
#include "store/auditevent.h"

#include <QList>

namespace FrontDoor {

class Database;

// Accounts in team mode (issue 19). Each Front Door account is a PostgreSQL login role of the same name in one group
// role (frontdoor_call_handler, _supervisor, _administrator); the server authenticates it (SCRAM-SHA-256) and
// enforces what the group may reach. Only an administrator (or the database administrator who set the server up)
// creates, disables, enables and resets accounts, through the server's functions — the server checks that, not only
// this class. Every change is an audit event recorded by the acting person in the same transaction, with the
// account's state after it as on a standalone workstation. A password reaches the server only as a SCRAM verifier
// computed here, so the server, its logs and its administrators never see it.
class ServerAccounts
{
public:
    ServerAccounts(Database &server, const Clock &clock);

    Result<Account> create(const QString &id, const QString &displayName, Role role, const QString &password);
    Status setDisabled(const QString &id, bool disabled);
    Status resetPassword(const QString &id, const QString &password);
    Result<QList<Account>> list();
    Result<Account> find(const QString &id);

    // "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>" (RFC 5802/7677), the form PostgreSQL stores. The password
    // is taken in Unicode normalisation form KC, as SASLprep would for the passwords people type.
    static QString scramVerifier(const QString &password, const QByteArray &salt, int iterations = 4096);

private:
    Status record(AuditKind kind, const Account &account);

    Database &m_server;
    const Clock &m_clock;
};

} // namespace FrontDoor
