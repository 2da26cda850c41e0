#include "store/accounttrail.h"

#include "store/audittrail.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiHash>
#include <QSqlError>
#include <QSqlQuery>

namespace FrontDoor::AccountTrail {

namespace {

const QString afterKey = QStringLiteral("after");

// What the trail says about the accounts, replayed in order.
struct Replayed
{
    QHash<QString, QJsonObject> states;  // account → its state after its latest event
    QHash<QString, qint64> lastReset;    // account → the event that cleared its failures
    qint64 recordedAt = 0;               // the accountsRecorded event (failures before it are not compared)
    struct Failure
    {
        QString account;
        QString at;
        qint64 sequence = 0;
    };
    QList<Failure> failures;

    void take(qint64 sequence, const QString &user, const QString &at, const QString &kind, const QJsonObject &payload)
    {
        if (payload.contains(afterKey)) {
            const QJsonObject after = payload.value(afterKey).toObject();
            states.insert(after.value(QStringLiteral("account")).toString(), after);
        }
        if (kind == QLatin1String("accountsRecorded")) {
            recordedAt = sequence;
            for (const QJsonValue &account : payload.value(QStringLiteral("accounts")).toArray())
                states.insert(account[QLatin1String("account")].toString(), account.toObject());
        } else if (kind == QLatin1String("passwordReset")) {
            lastReset.insert(payload.value(QStringLiteral("account")).toString(), sequence);
        } else if (kind == QLatin1String("signInFailed")
                   && !payload.value(QStringLiteral("reason")).toString().startsWith(QLatin1String("waiting"))) {
            failures.append({user, at, sequence});
        }
    }
};

Result<Replayed> replay(Database &database)
{
    QSqlQuery rows(database.connection());
    rows.setForwardOnly(true);
    if (!rows.exec(database.sql().statement(QStringLiteral("audit.accountEvents"))))
        return databaseError(rows.lastError(), database.path());
    Replayed replayed;
    while (rows.next())
        replayed.take(rows.value(0).toLongLong(), rows.value(1).toString(), rows.value(2).toString(),
                      rows.value(3).toString(), QJsonDocument::fromJson(rows.value(4).toString().toUtf8()).object());
    return replayed;
}

QStringList differences(const QString &id, const QJsonObject &stored, const QJsonObject &recorded)
{
    QStringList found;
    for (const QString &field : {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("disabled")})
        if (stored.value(field) != recorded.value(field))
            found.append(QStringLiteral("account %1: its %2 is %3, but the trail records %4")
                             .arg(id, field == QLatin1String("name") ? QStringLiteral("display name") : field,
                                  QString::fromUtf8(QJsonDocument(QJsonArray{stored.value(field)}).toJson(QJsonDocument::Compact)),
                                  QString::fromUtf8(QJsonDocument(QJsonArray{recorded.value(field)}).toJson(QJsonDocument::Compact))));
    if (stored.value(QStringLiteral("password")) != recorded.value(QStringLiteral("password")))
        found.append(QStringLiteral("account %1: its password was changed outside Front Door").arg(id));
    return found;
}

} // namespace

QJsonObject stateOf(const QString &id, const QString &displayName, const QString &role, bool disabled,
                    const QString &passwordHash)
{
    return {{QStringLiteral("account"), id},
            {QStringLiteral("name"), displayName},
            {QStringLiteral("role"), role},
            {QStringLiteral("disabled"), disabled},
            {QStringLiteral("password"),
             QString::fromLatin1(QCryptographicHash::hash(passwordHash.toUtf8(), QCryptographicHash::Sha256).toHex())}};
}

Status recordExisting(Database &database, const QDateTime &now)
{
    Result<QSqlQuery *> rows = database.exec(QStringLiteral("users.all"));
    if (!rows)
        return rows.error();
    QJsonArray accounts;
    while ((*rows)->next())
        accounts.append(stateOf((*rows)->value(0).toString(), (*rows)->value(1).toString(),
                                (*rows)->value(2).toString(), (*rows)->value(4).toInt() != 0,
                                (*rows)->value(3).toString()));
    (*rows)->finish();
    if (accounts.isEmpty())
        return {};
    Result<qint64> event = AuditTrail::appendOne(
        database, {}, QStringLiteral("frontdoor"), now, AuditKind::AccountsRecorded,
        {{QStringLiteral("accounts"), accounts},
         {QStringLiteral("why"), QStringLiteral("the accounts as they stood when account changes began to be "
                                                "recorded in the trail")}});
    return event ? Status{} : Status{event.error()};
}

Result<Check> check(Database &database)
{
    Result<Replayed> replayed = replay(database);
    if (!replayed)
        return replayed.error();
    Check result;
    QSqlQuery users(database.connection());
    if (!users.exec(database.sql().statement(QStringLiteral("users.all"))))
        return databaseError(users.lastError(), database.path());
    QHash<QString, QJsonObject> recorded = replayed->states;
    // Team mode: a server's account has no password hash of Front Door's (the server keeps a SCRAM verifier the
    // trail never records), and the server counts no failed sign-ins of ours.
    const bool server = database.isServer();
    while (users.next()) {
        const QString id = users.value(0).toString();
        ++result.accounts;
        const QJsonObject stored
            = server ? stateOf(id, users.value(1).toString(), users.value(2).toString(), users.value(3).toBool(), {})
                     : stateOf(id,
                               users.value(1).toString(),
                               users.value(2).toString(),
                               users.value(4).toInt() != 0,
                               users.value(3).toString());
        if (!recorded.contains(id))
            result.findings.append(QStringLiteral("account %1 is not in the audit trail: it was added outside Front "
                                                  "Door").arg(id));
        else
            result.findings.append(differences(id, stored, recorded.take(id)));
    }
    for (auto it = recorded.cbegin(); it != recorded.cend(); ++it)
        result.findings.append(QStringLiteral("account %1, recorded in the trail, is gone from the accounts table")
                                   .arg(it.key()));

    if (server)
        return result;
    QSqlQuery rows(database.connection());
    if (!rows.exec(database.sql().statement(QStringLiteral("users.allFailures"))))
        return databaseError(rows.lastError(), database.path());
    QMultiHash<QString, QString> counted; // account → the time of each failure row
    while (rows.next())
        counted.insert(rows.value(0).toString(), rows.value(1).toString());
    for (const Replayed::Failure &failure : replayed->failures) {
        if (failure.sequence < replayed->recordedAt || failure.sequence < replayed->lastReset.value(failure.account))
            continue;
        if (const auto row = counted.find(failure.account, failure.at); row != counted.end())
            counted.erase(row);
        else
            result.findings.append(QStringLiteral("the failed sign-in of %1 at %2 (event %3) is no longer counted: "
                                                  "the count that makes a name wait was lowered outside Front Door")
                                       .arg(failure.account, failure.at).arg(failure.sequence));
    }
    return result;
}

} // namespace FrontDoor::AccountTrail
