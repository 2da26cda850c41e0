#include "store/caselocks.h"

#include "common/uktime.h"

#include "store/audittrail.h"
#include "store/database.h"

#include "store/sqlrow.h"
#include "store/storedtime.h"
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

CaseLocks::CaseLocks(Database &database, const Clock &clock, QString instanceId, QString workstation)
    : m_database(database), m_clock(clock), m_instanceId(std::move(instanceId)), m_workstation(std::move(workstation))
{}

Result<std::optional<LockHolder>> CaseLocks::holder(const QString &reference)
{
    return holder(m_database, reference);
}

Result<std::optional<LockHolder>> CaseLocks::holder(Database &database, const QString &reference)
{
    Result<QSqlQuery *> rows = database.exec(QStringLiteral("locks.holder"), {{"reference", reference}});
    if (!rows)
        return rows.error();
    QSqlQuery &q = **rows;
    if (!q.next())
        return std::optional<LockHolder>();
    const SqlRow at(q);
    LockHolder holder{at["holder"_L1].toString(),
                      at["workstation"_L1].toString(),
                      at["instance"_L1].toString(),
                      StoredTime::parse(at["acquired_at"_L1]),
                      StoredTime::parse(at["expires_at"_L1])};
    q.finish();
    return std::optional<LockHolder>(holder);
}

Result<LockHolder> CaseLocks::put(const QString &reference, const Actor &actor, const QDateTime &since,
                                  const QDateTime &now)
{
    const QDateTime expires = now.addMSecs(leaseMsecs);
    Result<QSqlQuery *> written = m_database.exec(QStringLiteral("locks.put"),
                                                  {{"reference", reference}, {"holder", actor.userId},
                                                   {"workstation", m_workstation}, {"instance", m_instanceId},
                                                   {"at", StoredTime::text(since)}, {"expires", StoredTime::text(expires)}});
    if (!written)
        return written.error();
    return LockHolder{actor.userId, m_workstation, m_instanceId, since, expires};
}

Result<std::optional<LockHolder>> CaseLocks::beginWith(WriteTransaction &transaction, const QString &reference)
{
    if (Status s = transaction.begin(); !s)
        return s.error();
    return holder(reference);
}

bool CaseLocks::heldElsewhere(const std::optional<LockHolder> &lease, const QDateTime &now) const
{
    return lease && lease->instance != m_instanceId && lease->expires > now;
}

Result<LockHolder> CaseLocks::acquire(const QString &reference, const Actor &actor)
{
    WriteTransaction transaction(m_database);
    Result<std::optional<LockHolder>> current = beginWith(transaction, reference);
    if (!current)
        return current.error();
    const QDateTime now = m_clock.now();
    if (heldElsewhere(*current, now))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 is open for editing by %2 on %3 since %4.")
                             .arg(reference,
                                  (*current)->user,
                                  (*current)->workstation,
                                  UkTime::text((*current)->since, QStringLiteral("HH:mm"))));
    if (*current && (*current)->instance != m_instanceId)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 was left open by %2 on %3, whose Front Door stopped answering at %4. "
                                        "Take the case over to edit it.")
                             .arg(reference,
                                  (*current)->user,
                                  (*current)->workstation,
                                  UkTime::text((*current)->expires, QStringLiteral("HH:mm"))));
    Result<LockHolder> held = put(reference, actor, *current ? (*current)->since : now, now);
    if (!held)
        return held;
    if (Status s = transaction.commit(); !s)
        return s.error();
    return held;
}

Result<LockHolder> CaseLocks::takeOver(const QString &reference, const Actor &actor)
{
    WriteTransaction transaction(m_database);
    Result<std::optional<LockHolder>> current = beginWith(transaction, reference);
    if (!current)
        return current.error();
    const QDateTime now = m_clock.now();
    if (heldElsewhere(*current, now))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 is still being edited by %2 on %3: it cannot be taken over while they "
                                        "are working on it.").arg(reference, (*current)->user, (*current)->workstation));
    Result<LockHolder> held = put(reference, actor, now, now);
    if (!held)
        return held;
    if (*current && (*current)->instance != m_instanceId) {
        AuditTrail::Writer audit(m_database);
        const QJsonObject payload{{QStringLiteral("previousHolder"), (*current)->user},
                                  {QStringLiteral("previousWorkstation"), (*current)->workstation},
                                  {QStringLiteral("staleSince"), StoredTime::text((*current)->expires)},
                                  {QStringLiteral("workstation"), m_workstation}};
        if (Result<qint64> e = audit.append(reference, actor.userId, now, AuditKind::LockTakenOver, payload); !e)
            return e.error();
        if (Status s = audit.finish(); !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return held;
}

Status CaseLocks::renew(const QString &reference)
{
    Result<QSqlQuery *> renewed = m_database.exec(
        QStringLiteral("locks.renew"),
        {{"reference", reference}, {"instance", m_instanceId}, {"expires", StoredTime::text(m_clock.now().addMSecs(leaseMsecs))}});
    if (!renewed)
        return renewed.error();
    if ((*renewed)->numRowsAffected() != 1)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The lock on %1 was lost (it was taken over after going stale).").arg(reference));
    return {};
}

bool CaseLocks::canRenew() const
{
    return !m_database.isKeyWiped();
}

Status CaseLocks::release(const QString &reference)
{
    Result<QSqlQuery *> released = m_database.exec(QStringLiteral("locks.release"),
                                                   {{"reference", reference}, {"instance", m_instanceId}});
    if (!released)
        return released.error();
    return {};
}

Status CaseLocks::releaseAll()
{
    Result<QSqlQuery *> released = m_database.exec(QStringLiteral("locks.releaseAll"), {{"instance", m_instanceId}});
    if (!released)
        return released.error();
    return {};
}

} // namespace FrontDoor
