#pragma once

#include "access/actor.h"
#include "access/passwordhasher.h"
#include "access/role.h"
#include "access/signature.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/keyring.h"

#include <QList>

#include <optional>

namespace FrontDoor {

class Database;

struct Account
{
    QString id; // the sign-in name, lower case
    QString displayName;
    Role role = Role::CallHandler;
    bool disabled = false;
};

// The people who may use Front Door. The first account (on an empty database) is the administrator; after that
// only an administrator creates, disables (never deletes: the trail refers to them) and resets accounts. Sign-in
// checks the Argon2id hash; after 10 failures within 5 minutes the account waits until the oldest of them is
// 5 minutes old, and every failure — and every sign-in and sign-out — is an audit event.
class Accounts
{
public:
    static constexpr int maxFailures = 10;
    static constexpr qint64 failureWindowMsecs = 5 * 60 * 1000;

    Accounts(Database &database, const Clock &clock, PasswordHasher::Cost cost = {});

    Result<bool> isEmpty();
    Result<Account> createFirstAdministrator(const QString &id, const QString &displayName, const QString &password);
    Result<Account> create(
        const Actor &administrator, const QString &id, const QString &displayName, Role role, const QString &password);
    Status disable(const Actor &administrator, const QString &id);
    Status enable(const Actor &administrator, const QString &id);
    Status resetPassword(const Actor &administrator, const QString &id, const QString &password);
    Result<QList<Account>> list();
    Result<Account> find(const QString &id);

    Result<Account> signIn(const QString &id, const QString &password);
    Status signOut(const Actor &actor);
    // Checks the password of someone already signed in (unlocking, signing a decision); audited when wrong.
    Status confirmPassword(const Actor &actor, const QString &password);
    // Signing (NOR-D2): the password again, giving a Signature the store requires to record a decision.
    Result<Signature> sign(const Actor &actor, const QString &password);

    static QString normalisedId(const QString &id);
    // An encrypted database (issue 20): each account opens it with a wrap of the key made from its password, which
    // disabling removes — so an account enabled again needs a password reset before it can sign in.
    bool wrapsKeys() const;
    // A new account's name, display name and password as the rules take them (what add() checks first), for a
    // caller that must know before it makes anything (an encrypted database's first run makes its key first).
    static Status checkNew(const QString &id, const QString &displayName, const QString &password);

private:
    Result<Account>
    add(const QString &createdBy, const QString &id, const QString &displayName, Role role, const QString &password);
    Status requireAdministrator(const Actor &actor);
    struct Stored
    {
        Account account;
        QString passwordHash;
    };
    Result<Stored> findStored(const QString &id);
    Status setDisabled(const Actor &administrator, const QString &id, bool disabled);
    // Refuses when the name has maxFailures recent failures, else counts this attempt as one; one transaction.
    Status countAttempt(const QString &recordedAs, const QDateTime &now);

    // An encrypted database's key ring follows its accounts (issue 20): a new account or a reset password gets a
    // wrap, a disabled account loses its own. Made before the change's transaction (Argon2 is slow), saved just
    // before it commits: a ring that could not be written fails the change.
    Result<std::optional<KeyRing>> ringWith(const QString &account, const QString *password);
    Status saveRing(const std::optional<KeyRing> &ring);

    Database &m_database;
    const Clock &m_clock;
    PasswordHasher::Cost m_cost;
    QString m_unknownUserHash; // verified against for unknown names, at the same cost as a real one
};

} // namespace FrontDoor
