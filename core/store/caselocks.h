#pragma once

#include "access/actor.h"
#include "common/clock.h"
#include "common/result.h"

#include <QDateTime>
#include <optional>

namespace FrontDoor {

class Database;
class WriteTransaction;

struct LockHolder
{
    QString user;
    QString workstation;
    QString instance;
    QDateTime since;
    QDateTime expires;
};

// One case is edited by one instance at a time. A lock is a lease in a table (holder, workstation, expiry), not a
// file or advisory lock, so it works across workstations and says who holds the case. The holder renews it
// (heartbeat) while the case is open; a lease not renewed for leaseMsecs is stale and may be taken over — which
// the audit trail records. Saves from any other instance are refused while a live lease is held.
class CaseLocks
{
public:
    static constexpr qint64 leaseMsecs = 90'000;
    static constexpr qint64 heartbeatMsecs = 30'000;

    CaseLocks(Database &database, const Clock &clock, QString instanceId, QString workstation);

    // The lock, or a Conflict error naming who holds it (call holder() for the details).
    Result<LockHolder> acquire(const QString &reference, const Actor &actor);
    // Takes over a lease that has gone stale (its holder crashed or lost power); audited. Refused while live.
    Result<LockHolder> takeOver(const QString &reference, const Actor &actor);
    Status renew(const QString &reference);
    // Issue 20: while an encrypted database's key is wiped behind the lock screen, no lease can be renewed; the
    // holder waits (the lease may go stale, as any lease not renewed does) rather than report a failure.
    bool canRenew() const;
    Status release(const QString &reference);
    Status releaseAll();
    Result<std::optional<LockHolder>> holder(const QString &reference);
    // The one reading of a case's lease, for the repository's check before a save as for the editor.
    static Result<std::optional<LockHolder>> holder(Database &database, const QString &reference);

private:
    // Begins the write transaction and reads the case's lease within it: what acquire and takeOver decide on.
    Result<std::optional<LockHolder>> beginWith(WriteTransaction &transaction, const QString &reference);
    // A live lease of another instance (a person working on the case now).
    bool heldElsewhere(const std::optional<LockHolder> &lease, const QDateTime &now) const;
    // Writes this instance's lease (within the caller's transaction).
    Result<LockHolder> put(const QString &reference, const Actor &actor, const QDateTime &since, const QDateTime &now);

    Database &m_database;
    const Clock &m_clock;
    QString m_instanceId;
    QString m_workstation;
};

} // namespace FrontDoor
