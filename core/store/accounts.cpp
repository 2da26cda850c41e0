#include "store/accounts.h"

#include "store/accounttrail.h"
#include "store/audittrail.h"
#include "store/database.h"
#include "store/sqlrow.h"
#include "store/storedtime.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

namespace {

const QString wrongCredentials = QStringLiteral("The name or the password is not right.");

Account accountFrom(const QSqlQuery &q)
{
    const SqlRow at(q);
    return Account{at["id"_L1].toString(),
                   at["display_name"_L1].toString(),
                   roleFromName(at["role"_L1].toString()).value_or(Role::CallHandler),
                   at["disabled"_L1].toInt() != 0};
}

} // namespace

Accounts::Accounts(Database &database, const Clock &clock, PasswordHasher::Cost cost)
    : m_database(database)
    , m_clock(clock)
    , m_cost(cost)
{}

QString Accounts::normalisedId(const QString &id)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,39}$"));
    const QString normalised = id.trimmed().toLower();
    return allowed.match(normalised).hasMatch() ? normalised : QString();
}

Result<std::optional<KeyRing>> Accounts::ringWith(const QString &account, const QString *password)
{
    if (!m_database.isSealed())
        return std::optional<KeyRing>();
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(m_database.path()));
    if (!ring)
        return ring.error();
    if (!password)
        ring->remove(account);
    else if (Status s = ring->wrapFor(account, *password, *m_database.sealingKey(), m_cost); !s)
        return s.error();
    return std::optional<KeyRing>(*ring);
}

Status Accounts::saveRing(const std::optional<KeyRing> &ring)
{
    return ring ? ring->save(KeyRing::pathFor(m_database.path())) : Status{};
}

bool Accounts::wrapsKeys() const
{
    return m_database.isSealed();
}

Status Accounts::checkNew(const QString &id, const QString &displayName, const QString &password)
{
    const QString normalised = normalisedId(id);
    if (normalised.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("A sign-in name is 2 to 40 letters, digits, dots, dashes or underscores, "
                                        "starting with a letter or digit."));
    const QString name = displayName.simplified();
    if (name.isEmpty() || name.size() > 100)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Give the person's name (up to 100 characters)."));
    return PasswordPolicy::check(password, normalised);
}

Result<bool> Accounts::isEmpty()
{
    Result<QSqlQuery *> count = m_database.exec(QStringLiteral("users.count"));
    if (!count)
        return count.error();
    const bool empty = (*count)->next() && (*count)->value(0).toInt() == 0;
    (*count)->finish();
    return empty;
}

Result<Account> Accounts::find(const QString &id)
{
    Result<QSqlQuery *> row = m_database.exec(QStringLiteral("users.get"), {{"id", normalisedId(id)}});
    if (!row)
        return row.error();
    if (!(*row)->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no account \"%1\".").arg(id.trimmed()));
    const Account account = accountFrom(**row);
    (*row)->finish();
    return account;
}

Result<QList<Account>> Accounts::list()
{
    Result<QSqlQuery *> rows = m_database.exec(QStringLiteral("users.all"));
    if (!rows)
        return rows.error();
    QList<Account> accounts;
    while ((*rows)->next())
        accounts.append(accountFrom(**rows));
    (*rows)->finish();
    return accounts;
}

Result<Account> Accounts::add(
    const QString &createdBy, const QString &id, const QString &displayName, Role role, const QString &password)
{
    if (Status acceptable = checkNew(id, displayName, password); !acceptable)
        return acceptable.error();
    const QString normalised = normalisedId(id);
    const QString name = displayName.simplified();
    if (Result<Account> existing = find(normalised); existing)
        return makeError(ErrorCode::Conflict, QStringLiteral("There is already an account \"%1\".").arg(normalised));
    Result<QString> hash = PasswordHasher::hash(password, m_cost); // slow: outside the write transaction
    if (!hash)
        return hash.error();
    Result<std::optional<KeyRing>> ring = ringWith(normalised, &password);
    if (!ring)
        return ring.error();

    const QDateTime now = m_clock.now();
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("users.add"),
                                                {{"id", normalised},
                                                 {"name", name},
                                                 {"role", roleName(role)},
                                                 {"hash", *hash},
                                                 {"at", StoredTime::text(now)},
                                                 {"by", createdBy}});
        !r)
        return r.error();
    if (Result<qint64> e
        = AuditTrail::appendOne(m_database,
                                {},
                                createdBy,
                                now,
                                AuditKind::AccountCreated,
                                {{QStringLiteral("account"), normalised},
                                 {QStringLiteral("role"), roleName(role)},
                                 {QStringLiteral("after"), AccountTrail::stateOf(normalised, name, roleName(role), false, *hash)}});
        !e)
        return e.error();
    if (Status s = saveRing(*ring); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return Account{normalised, name, role, false};
}

Result<Account>
Accounts::createFirstAdministrator(const QString &id, const QString &displayName, const QString &password)
{
    Result<bool> empty = isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Front Door already has accounts: an administrator creates new ones."));
    return add(normalisedId(id), id, displayName, Role::Administrator, password);
}

Status Accounts::requireAdministrator(const Actor &actor)
{
    Result<Account> account = find(actor.userId);
    if (!account || account->disabled || account->role != Role::Administrator)
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("Only an administrator manages accounts."));
    return {};
}

Result<Account> Accounts::create(
    const Actor &administrator, const QString &id, const QString &displayName, Role role, const QString &password)
{
    if (Status s = requireAdministrator(administrator); !s)
        return s.error();
    return add(administrator.userId, id, displayName, role, password);
}

Status Accounts::disable(const Actor &administrator, const QString &id)
{
    return setDisabled(administrator, id, true);
}

Status Accounts::enable(const Actor &administrator, const QString &id)
{
    return setDisabled(administrator, id, false);
}

Status Accounts::setDisabled(const Actor &administrator, const QString &id, bool disabled)
{
    if (Status s = requireAdministrator(administrator); !s)
        return s;
    Result<Stored> account = findStored(id);
    if (!account)
        return account.error();
    if (disabled && account->account.id == normalisedId(administrator.userId))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("An administrator cannot disable their own account."));
    // Disabled, the person's wrap of the key goes; enabled again, they have none until a reset gives a password.
    Result<std::optional<KeyRing>> ring
        = disabled ? ringWith(account->account.id, nullptr) : Result<std::optional<KeyRing>>(std::optional<KeyRing>());
    if (!ring)
        return ring.error();
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("users.setDisabled"),
                                                {{"id", account->account.id}, {"disabled", disabled ? 1 : 0}});
        !r)
        return r.error();
    if (Result<qint64> e = AuditTrail::appendOne(
            m_database, {}, administrator.userId, m_clock.now(),
            disabled ? AuditKind::AccountDisabled : AuditKind::AccountEnabled,
            {{QStringLiteral("account"), account->account.id},
             {QStringLiteral("after"), AccountTrail::stateOf(account->account.id, account->account.displayName,
                                                             roleName(account->account.role), disabled,
                                                             account->passwordHash)}});
        !e)
        return e.error();
    if (Status s = saveRing(*ring); !s)
        return s;
    return transaction.commit();
}

Status Accounts::resetPassword(const Actor &administrator, const QString &id, const QString &password)
{
    if (Status s = requireAdministrator(administrator); !s)
        return s;
    Result<Stored> stored = findStored(id);
    if (!stored)
        return stored.error();
    const Account *account = &stored->account;
    if (Status policy = PasswordPolicy::check(password, account->id); !policy)
        return policy;
    Result<QString> hash = PasswordHasher::hash(password, m_cost);
    if (!hash)
        return hash.error();
    Result<std::optional<KeyRing>> ring = ringWith(account->id, &password);
    if (!ring)
        return ring.error();
    const QDateTime now = m_clock.now();
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("users.setPassword"),
                                                {{"id", account->id}, {"hash", *hash}, {"at", StoredTime::text(now)}});
        !r)
        return r.error();
    if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("users.clearFailures"), {{"id", account->id}}); !r)
        return r.error();
    if (Result<qint64> e = AuditTrail::appendOne(m_database,
                                                 {},
                                                 administrator.userId,
                                                 now,
                                                 AuditKind::PasswordReset,
                                                 {{QStringLiteral("account"), account->id},
                                                  {QStringLiteral("after"),
                                                   AccountTrail::stateOf(account->id, account->displayName,
                                                                         roleName(account->role), account->disabled,
                                                                         *hash)}});
        !e)
        return e.error();
    if (Status s = saveRing(*ring); !s)
        return s;
    return transaction.commit();
}

Status Accounts::countAttempt(const QString &recordedAs, const QDateTime &now)
{
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s;
    Result<QSqlQuery *> failures
        = m_database.exec(QStringLiteral("users.recentFailures"),
                          {{"id", recordedAs}, {"since", StoredTime::text(now.addMSecs(-failureWindowMsecs))}});
    if (!failures)
        return failures.error();
    (*failures)->next();
    const int recent = (*failures)->value(0).toInt();
    (*failures)->finish();
    if (recent >= maxFailures) {
        const QString why = QStringLiteral("waiting after %1 failed attempts").arg(recent);
        if (Result<qint64> e = AuditTrail::appendOne(m_database, {}, recordedAs, now, AuditKind::SignInFailed,
                                                     {{QStringLiteral("reason"), why}});
            !e)
            return e.error();
        if (Status s = transaction.commit(); !s)
            return s;
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Too many wrong passwords for this name: wait 5 minutes, or ask an "
                                        "administrator to reset it."));
    }
    if (Result<QSqlQuery *> r
        = m_database.exec(QStringLiteral("users.addFailure"), {{"id", recordedAs}, {"at", StoredTime::text(now)}});
        !r)
        return r.error();
    return transaction.commit();
}

Result<Account> Accounts::signIn(const QString &id, const QString &password)
{
    const QString normalised = normalisedId(id);
    const QString recordedAs = normalised.isEmpty() ? QStringLiteral("(not a valid name)") : normalised;
    const QDateTime now = m_clock.now();

    // The attempt is counted before the slow hash, in one write transaction (issue 17): however many processes try
    // at once, at most maxFailures attempts per name are ever checked in the window. It counts as a failure until
    // the password proves right.
    if (Status counted = countAttempt(recordedAs, now); !counted)
        return counted.error();

    std::optional<Account> account;
    QString hash;
    if (!normalised.isEmpty()) {
        Result<QSqlQuery *> row = m_database.exec(QStringLiteral("users.get"), {{"id", normalised}});
        if (!row)
            return row.error();
        if ((*row)->next()) {
            account = accountFrom(**row);
            hash = (*row)->value(3).toString();
        }
        (*row)->finish();
    }
    // An unknown name costs the same time as a wrong password, so names cannot be probed by timing.
    if (m_unknownUserHash.isEmpty())
        m_unknownUserHash = PasswordHasher::hash(QStringLiteral("no account has this password"), m_cost).value();
    const bool passwordRight
        = PasswordHasher::verify(hash.isEmpty() ? m_unknownUserHash : hash, password) && !hash.isEmpty();

    const auto failed = [&](const QString &why) -> Status {
        Result<qint64> e = AuditTrail::record(m_database, {}, recordedAs, now, AuditKind::SignInFailed,
                                              {{QStringLiteral("reason"), why}});
        return e ? Status{} : Status{e.error()};
    };
    if (!account || !passwordRight) {
        if (Status s = failed(account ? QStringLiteral("wrong password") : QStringLiteral("unknown name")); !s)
            return s.error();
        return makeError(ErrorCode::PermissionDenied, wrongCredentials);
    }
    if (account->disabled) {
        if (Status s = failed(QStringLiteral("account disabled")); !s)
            return s.error();
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("This account is disabled. An administrator can tell you why."));
    }

    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    // Right: this attempt was no failure. The others in the window stay counted — a success does not wipe them.
    if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("users.removeAttempt"),
                                                {{"id", normalised}, {"at", StoredTime::text(now)}});
        !r)
        return r.error();
    // A hash made at a lower cost is made again at today's; the event records the account's new state.
    QJsonObject signedIn;
    if (PasswordHasher::needsRehash(hash, m_cost)) {
        if (Result<QString> stronger = PasswordHasher::hash(password, m_cost)) {
            if (Result<QSqlQuery *> r
                = m_database.exec(QStringLiteral("users.setPassword"),
                                  {{"id", normalised}, {"hash", *stronger}, {"at", StoredTime::text(now)}});
                !r)
                return r.error();
            signedIn.insert(QStringLiteral("after"), AccountTrail::stateOf(normalised, account->displayName,
                                                                           roleName(account->role), false, *stronger));
        }
    }
    if (Result<qint64> e = AuditTrail::appendOne(m_database, {}, normalised, now, AuditKind::SignedIn, signedIn); !e)
        return e.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return *account;
}

Status Accounts::signOut(const Actor &actor)
{
    Result<qint64> e = AuditTrail::record(m_database, {}, actor.userId, m_clock.now(), AuditKind::SignedOut, {});
    if (!e)
        return e.error();
    return {};
}

Status Accounts::confirmPassword(const Actor &actor, const QString &password)
{
    const QString id = normalisedId(actor.userId);
    const QDateTime now = m_clock.now();
    if (m_database.isServer()) {
        // Team mode: the server is the judge of a password — a connection of its own as this person proves it.
        Result<std::unique_ptr<Database>> proof
            = Database::connect(ServerLogin{m_database.serverConnection(), id, password});
        if (proof)
            return {};
        if (proof.error().code != ErrorCode::PermissionDenied)
            return proof.error(); // unreachable: say so, not "wrong password"
        Result<qint64> e
            = AuditTrail::record(m_database,
                                 {},
                                 id,
                                 now,
                                 AuditKind::SignInFailed,
                                 {{QStringLiteral("reason"), QStringLiteral("wrong password on confirmation")}});
        if (!e)
            return e.error();
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("That password is not right."));
    }
    // Counted before the slow hash, as at sign-in: parallel confirmations cannot try more than maxFailures.
    if (Status counted = countAttempt(id, now); !counted)
        return counted;
    Result<Stored> stored = findStored(id);
    const bool right = stored && !stored->account.disabled && PasswordHasher::verify(stored->passwordHash, password);
    if (!right) {
        Result<qint64> e = AuditTrail::record(m_database, {}, id, now, AuditKind::SignInFailed,
                                              {{QStringLiteral("reason"), QStringLiteral("wrong password on confirmation")}});
        if (!e)
            return e.error();
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("That password is not right."));
    }
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Result<QSqlQuery *> r
        = m_database.exec(QStringLiteral("users.removeAttempt"), {{"id", id}, {"at", StoredTime::text(now)}});
        !r)
        return r.error();
    return transaction.commit();
}

Result<Accounts::Stored> Accounts::findStored(const QString &id)
{
    Result<QSqlQuery *> row = m_database.exec(QStringLiteral("users.get"), {{"id", normalisedId(id)}});
    if (!row)
        return row.error();
    if (!(*row)->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no account \"%1\".").arg(id.trimmed()));
    Stored stored{accountFrom(**row), (*row)->value(3).toString()};
    (*row)->finish();
    return stored;
}

} // namespace FrontDoor

namespace FrontDoor {

Result<Signature> Accounts::sign(const Actor &actor, const QString &password)
{
    if (Status confirmed = confirmPassword(actor, password); !confirmed)
        return confirmed.error();
    return Signature(normalisedId(actor.userId), m_clock.now());
}

} // namespace FrontDoor
