#include "store/serveraccounts.h"

#include "access/passwordhasher.h"
#include "store/accounttrail.h"
#include "store/audittrail.h"
#include "store/database.h"
#include "store/storedtime.h"

#include <QSqlQuery>

#include <sodium.h>

namespace FrontDoor {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(
        &state, reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    sodium_memzero(&state, sizeof state);
    return out;
}

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(out.data()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                       quint64(bytes.size()));
    return out;
}

// PBKDF2-HMAC-SHA-256, one block (32 bytes): SCRAM's Hi().
QByteArray salted(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray u = hmac(password, salt + QByteArray("\0\0\0\1", 4));
    QByteArray result = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(password, u);
        for (qsizetype b = 0; b < result.size(); ++b)
            result[b] = char(result.at(b) ^ u.at(b));
    }
    return result;
}

Account accountFrom(const QSqlQuery &row)
{
    Account account;
    account.id = row.value(0).toString();
    account.displayName = row.value(1).toString();
    account.role = roleFromName(row.value(2).toString()).value_or(Role::CallHandler);
    account.disabled = row.value(3).toInt() != 0;
    return account;
}

} // namespace

ServerAccounts::ServerAccounts(Database &server, const Clock &clock)
    : m_server(server)
    , m_clock(clock)
{}

QString ServerAccounts::scramVerifier(const QString &password, const QByteArray &salt, int iterations)
{
    QByteArray secret = password.normalized(QString::NormalizationForm_KC).toUtf8();
    QByteArray saltedPassword = salted(secret, salt, iterations);
    const QByteArray clientKey = hmac(saltedPassword, QByteArrayLiteral("Client Key"));
    const QByteArray serverKey = hmac(saltedPassword, QByteArrayLiteral("Server Key"));
    sodium_memzero(secret.data(), size_t(secret.size()));
    sodium_memzero(saltedPassword.data(), size_t(saltedPassword.size()));
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(sha256(clientKey).toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

Result<Account> ServerAccounts::find(const QString &id)
{
    Result<QSqlQuery *> row = m_server.exec(QStringLiteral("users.get"), {{"id", Accounts::normalisedId(id)}});
    if (!row)
        return row.error();
    if (!(*row)->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no account \"%1\" on the server.").arg(id));
    Account account = accountFrom(**row);
    (*row)->finish();
    return account;
}

Result<QList<Account>> ServerAccounts::list()
{
    Result<QSqlQuery *> rows = m_server.exec(QStringLiteral("users.all"));
    if (!rows)
        return rows.error();
    QList<Account> accounts;
    while ((*rows)->next())
        accounts << accountFrom(**rows);
    return accounts;
}

Status ServerAccounts::record(AuditKind kind, const Account &account)
{
    // The password itself is the server's (a SCRAM verifier in pg_authid): the state records who and what, not it.
    Result<qint64> event = AuditTrail::appendOne(
        m_server,
        {},
        m_server.serverUser(),
        m_clock.now(),
        kind,
        {{QStringLiteral("account"), account.id},
         {QStringLiteral("after"),
          AccountTrail::stateOf(
              account.id, account.displayName, roleName(account.role), account.disabled, QString())}});
    if (!event)
        return event.error();
    return {};
}

Result<Account>
ServerAccounts::create(const QString &id, const QString &displayName, Role role, const QString &password)
{
    Account account{Accounts::normalisedId(id), displayName.simplified(), role, false};
    if (account.displayName.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Give the person's name."));
    if (Status policy = PasswordPolicy::check(password, account.id); !policy)
        return policy.error();
    QByteArray salt(16, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    WriteTransaction transaction(m_server);
    if (Status s = transaction.begin(); !s)
        return s.error();
    if (Result<QSqlQuery *> added = m_server.exec(QStringLiteral("server.accountAdd"),
                                                  {{"id", account.id},
                                                   {"name", account.displayName},
                                                   {"role", roleName(role)},
                                                   {"password", scramVerifier(password, salt)},
                                                   {"at", StoredTime::text(m_clock.now())}});
        !added)
        return added.error();
    if (Status s = record(AuditKind::AccountCreated, account); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return account;
}

Status ServerAccounts::setDisabled(const QString &id, bool disabled)
{
    Result<Account> account = find(id);
    if (!account)
        return account.error();
    if (disabled && account->id == m_server.serverUser())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("An administrator cannot disable their own account."));
    account->disabled = disabled;
    WriteTransaction transaction(m_server);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Result<QSqlQuery *> set
        = m_server.exec(QStringLiteral("server.accountSetDisabled"), {{"id", account->id}, {"disabled", disabled}});
        !set)
        return set.error();
    if (Status s = record(disabled ? AuditKind::AccountDisabled : AuditKind::AccountEnabled, *account); !s)
        return s;
    return transaction.commit();
}

Status ServerAccounts::resetPassword(const QString &id, const QString &password)
{
    Result<Account> account = find(id);
    if (!account)
        return account.error();
    if (Status policy = PasswordPolicy::check(password, account->id); !policy)
        return policy;
    QByteArray salt(16, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    WriteTransaction transaction(m_server);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Result<QSqlQuery *> set = m_server.exec(QStringLiteral("server.accountSetPassword"),
                                                {{"id", account->id},
                                                 {"password", scramVerifier(password, salt)},
                                                 {"at", StoredTime::text(m_clock.now())}});
        !set)
        return set.error();
    if (Status s = record(AuditKind::PasswordReset, *account); !s)
        return s;
    return transaction.commit();
}

} // namespace FrontDoor
