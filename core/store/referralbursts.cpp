#include "store/referralrepository.h"

#include "store/caseaccess.h"
#include "store/database.h"
#include "store/referralstate.h"

#include <QSqlQuery>

// How typing is saved: a save of many items at once as one event, in team mode a keystroke that goes on with the
// burst before it as one statement, and a burst ended where it stands (flush). The burst itself (pending_*) is kept by
// ReferralRepository::save.
namespace FrontDoor {

// Issue 21: a save that changes many items (a child added, a call's answers pasted in, the seed of a test) is one
// event holding each item's new value, and its old value only where it had one: one row, one hash and one index
// entry per save rather than per item, and no `"from": null` written ninety times.
ReferralRepository::EventDraft ReferralRepository::fieldsChangedEvent(const FlatState &before,
                                                                      const FlatState &after,
                                                                      const QStringList &changed,
                                                                      const QString &user,
                                                                      const QDateTime &at)
{
    QJsonObject to;
    QJsonObject from;
    for (const QString &path : changed) {
        to.insert(path, ReferralState::valueAt(after, path));
        if (const QJsonValue was = ReferralState::valueAt(before, path); !was.isNull())
            from.insert(path, was);
    }
    QJsonObject payload{{QStringLiteral("to"), to}};
    if (!from.isEmpty())
        payload.insert(QStringLiteral("from"), from);
    return EventDraft{AuditKind::FieldsChanged, user, at, payload};
}

// Most saves during a call go on typing into the answer the save before changed: they add nothing to the trail (the
// burst's event is written when it ends) and change the row alone. In team mode such a save is one statement, outside
// any transaction: the usual way is four round trips (BEGIN, the row read, the write, COMMIT), and with thirty desks
// on one server each is a wait for a core. The desk's cached row is the basis; the server writes only if the row is
// still that one — the same revision, the same burst by the same person — and no one else holds a live lease
// (referral_typed). If not, nothing is written and the usual way reads the row and says what happened.
std::optional<Result<SaveReceipt>>
ReferralRepository::goOnTyping(const Referral &referral, qint64 expectedRevision, const Actor &actor)
{
    const Current *cached = m_cache.object(referral.reference);
    if (!cached || cached->row.revision != expectedRevision || !cached->row.pending
        || cached->row.pending->by != actor.userId)
        return std::nullopt;
    const Referral &stored = cached->referral;
    if (stored.status != ReferralStatus::Draft || referral.status != stored.status
        || referral.profileId != stored.profileId || referral.handler != stored.handler)
        return std::nullopt;
    if (!permitCase(actor,
                    stored.handler == actor.userId ? Operation::EditOwnDraft : Operation::EditAnyDraft,
                    referral.reference))
        return std::nullopt; // the usual way refuses it, and says why
    FlatState after = ReferralState::flatten(referral);
    const QStringList changed = ReferralState::changedPaths(cached->flat, after);
    if (changed.size() != 1 || changed.constFirst() != cached->row.pending->path)
        return std::nullopt;

    Current current = *cached;
    const QDateTime now = m_clock.now();
    current.row.pending->at = now;
    current.row.stored.reset();
    current.write = ServerWrite::Typed;
    Result<SaveReceipt> receipt = persist(current, referral, std::move(after), {}, actor, now);
    if (!receipt && receipt.error().code == ErrorCode::Conflict)
        return std::nullopt; // not written: the row moved on, its burst ended elsewhere or a lease is held
    if (!receipt) {
        m_cache.remove(referral.reference);
        return receipt;
    }
    current.write = ServerWrite::Written;
    m_cache.insert(referral.reference, new Current(current));
    return receipt;
}

// A burst ended where it stands: its event, and the row's burst cleared. A desk flushes its own on closing a case, and
// a person's sign-in flushes whatever a crashed session of theirs left open (flushAll).
Status ReferralRepository::flush(const QString &reference)
{
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s;
    Result<Current> current = readCurrent(reference);
    if (!current)
        return current.error();
    if (!current->row.pending)
        return {};
    // The document does not change, so neither does its revision: an editor holding it can go on saving.
    const Pending pending = *current->row.pending;
    EventDraft event = pendingEvent(pending, current->flat);
    event.payload.insert(QStringLiteral("state"), ReferralState::hash(current->flat));
    Result<QSqlQuery *> cleared = m_database.exec(QStringLiteral("referrals.clearPending"),
                                                  {{"id", current->row.id}, {"expected", current->row.revision}});
    if (!cleared)
        return cleared.error();
    // The event last, just before COMMIT: on the server its link holds the trail's head until the transaction ends.
    AuditTrail::Writer audit(m_database);
    if (Result<qint64> s = audit.append(reference, event.user, event.at, event.kind, event.payload); !s)
        return s.error();
    if (Status s = audit.finish(); !s)
        return s;
    if (Status s = transaction.commit(); !s) {
        m_cache.remove(reference);
        return s;
    }
    current->row.pending.reset();
    m_cache.insert(reference, new Current(*current));
    return {};
}

Status ReferralRepository::flushAll()
{
    Result<QStringList> references = m_database.column(QStringLiteral("referrals.withPending"));
    if (!references)
        return references.error();
    for (const QString &reference : std::as_const(*references))
        if (Status s = flush(reference); !s)
            return s;
    return {};
}

} // namespace FrontDoor
