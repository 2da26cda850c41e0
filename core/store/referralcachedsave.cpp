#include "store/referralrepository.h"

#include "store/caseaccess.h"
#include "store/database.h"
#include "store/referralstate.h"

#include <QSqlQuery>

// Team mode (issue 19): a save described from what this desk last wrote, sent as one statement with its events.
namespace FrontDoor {

// A save that starts another answer (ending the burst before it), or changes several at once, took five round trips
// the usual way: BEGIN, the row read, the write, the events, COMMIT. When this desk's cached row is the basis — the
// revision the editor saved against, a draft, and no burst but this person's — the change and its events are
// described from the cache, as the usual way would describe them from the row it reads, and the server writes row,
// derived rows, notice and events in one statement (referral_saved), only if the row is still as this desk left it:
// the same revision and the same burst, and no other instance holding a live lease. The server checks each event as
// this desk encodes it before writing; the links it answers are checked here again, as appendAll checks them.
// Anything else, and the usual way reads the row and says what happened.
std::optional<Result<SaveReceipt>> ReferralRepository::saveFromCache(const Referral &referral,
                                                                     qint64 expectedRevision,
                                                                     const Actor &actor,
                                                                     const OperationFor &operationFor,
                                                                     const Describe &describe)
{
    // Inside another transaction a refusal would undo all of it (a joined WriteTransaction that fails): the usual way.
    if (m_database.inTransaction())
        return std::nullopt;
    const Current *cached = m_cache.object(referral.reference);
    if (actor.userId.isEmpty() || !cached || cached->row.revision != expectedRevision)
        return std::nullopt;
    // Another person's burst is ended the usual way: its event goes under its typist's name (record_ended_burst).
    if (cached->row.pending && cached->row.pending->by != actor.userId)
        return std::nullopt;
    const Referral &stored = cached->referral;
    if (stored.status != ReferralStatus::Draft || referral.status != stored.status
        || referral.profileId != stored.profileId || referral.handler != stored.handler)
        return std::nullopt;
    if (!permitCase(actor, operationFor(stored), referral.reference))
        return std::nullopt; // the usual way refuses it, and says why
    FlatState after = ReferralState::flatten(referral);
    const QStringList changed = ReferralState::changedPaths(cached->flat, after);
    if (changed.isEmpty())
        return std::nullopt;

    Current current = *cached;
    current.write = ServerWrite::Saved;
    current.basis = cached->row.pending;
    current.row.stored.reset();
    const QDateTime now = m_clock.now();
    Result<QList<EventDraft>> events = describe(current, after, changed, now);
    if (!events)
        return std::nullopt;
    // One statement that commits by itself, events and all: the server checks each event's link as this Front Door
    // computes it before writing anything (schema step 11), so no BEGIN and COMMIT go round it, and the trail's head
    // is locked only while the statement runs — not for the round trip a COMMIT sent from here would take.
    Result<SaveReceipt> receipt = persist(current, referral, std::move(after), *events, actor, now);
    if (!receipt && receipt.error().code == ErrorCode::Conflict)
        return std::nullopt; // nothing written: the row moved on, or a lease is held
    if (!receipt) {
        m_cache.remove(referral.reference);
        return receipt;
    }
    current.write = ServerWrite::Written;
    current.basis.reset();
    m_cache.insert(referral.reference, new Current(current));
    return receipt;
}

// A session's first one-statement save had the server compile referral_saved and plan its statements while the
// call-handler typed, and its second referral_typed; each statement was also prepared then, a round trip more. The
// first save since sign-in was p95 8-14 ms against 3-4 ms for a later call's (bench_team, 30 desks). Sign-in sends
// each once, where the person already waits, for a row that cannot match (no row: no revision to compare): the server
// writes nothing and answers that nothing was written, as for a row that moved on.
Status ReferralRepository::readyTeamSaves()
{
    if (!m_database.isServer())
        return {};
    QVariantMap nothing{{QStringLiteral("row"), QVariant()},
                        {QStringLiteral("id"), 0},
                        {QStringLiteral("reference"), QString()},
                        {QStringLiteral("searchBody"), QVariant()},
                        {QStringLiteral("searchWords"), QVariant()},
                        {QStringLiteral("keys"), QVariant()},
                        {QStringLiteral("actions"), QVariant()},
                        {QStringLiteral("notice"), QVariant()},
                        {QStringLiteral("at"), QString()},
                        {QStringLiteral("instance"), m_instanceId}};
    Result<QSqlQuery *> typed = m_database.exec(QStringLiteral("referrals.typed"), nothing);
    if (!typed)
        return typed.error();
    const bool typedWrote = (*typed)->next() && (*typed)->value(0).toLongLong() != 0;
    (*typed)->finish();
    nothing.insert(QStringLiteral("events"), QVariant());
    Result<QSqlQuery *> saved = m_database.exec(QStringLiteral("referrals.saved"), nothing);
    if (!saved)
        return saved.error();
    const bool savedWrote = (*saved)->next();
    (*saved)->finish();
    if (typedWrote || savedWrote)
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("The server wrote a referral that does not exist when asked to make its saves "
                                        "ready: its functions are not Front Door's. Tell whoever runs the server."));
    return {};
}

} // namespace FrontDoor
