#pragma once

#include "access/actor.h"
#include "access/permissions.h"
#include "access/signature.h"
#include "calendar/workingcalendar.h"
#include "common/clock.h"
#include "common/result.h"
#include "profile/profile.h"
#include "referral/referral.h"
#include "store/auditevent.h"
#include "store/audittrail.h"
#include "store/caselocks.h"
#include "store/referralstate.h"

#include <QCache>
#include <QHash>

#include <functional>

namespace FrontDoor {

class WriteTransaction;

class Database;

struct StoredReferral
{
    Referral referral;
    qint64 revision = 0; // pass back to save(): a save against an older revision is refused, never merged
    bool urgent = false;
    QDateTime updatedAt;
    QString updatedBy;
};

struct SaveReceipt
{
    qint64 revision = 0;
    QDateTime savedAt;
    bool changed = false;   // false when the referral was already stored exactly so
    int auditEvents = 0;
};

// Referrals in the store: a draft is created before the first question; every save writes the current state and
// its audit events in one short BEGIN IMMEDIATE transaction, so a save that returned success survives a crash.
//
// Auditing a typing burst: a save that changes one item only, by the same person as the last, does not write an
// event yet — the item is "pending" (its old value kept in the row). The event (from → to) is written when another
// item changes, on flush(), at submission, or when the store is next opened after a crash. So the trail reads
// like a record, not a keylogger, and nothing saved goes unaudited.
//
// Every call that reads for a person or changes a case checks the operation × role table (access/permissions.h);
// "own" means the referral's handler is the person acting.
//
// After submission nothing is overwritten without an amendment reason: each change is an "amended" event holding
// the old value, the new value and the reason.
class ReferralRepository
{
public:
    ReferralRepository(Database &database, const Clock &clock, const WorkingCalendar &calendar, QString instanceId);

    // The working days due times are counted in (NOR-T4, LIN-T3): the one the store was opened with.
    const WorkingCalendar &calendar() const { return m_calendar; }

    Result<StoredReferral> createDraft(const Profile &profile, const Actor &actor);
    // Opening a case for a person: their role must allow it (a call-handler sees their own), and it is audited.
    Result<StoredReferral> open(const QString &reference, const Actor &actor);
    // The stored referral without a person: for the store's own work, backups, verification and tests.
    Result<StoredReferral> load(const QString &reference);
    Result<SaveReceipt> save(const Referral &referral, qint64 expectedRevision, const Actor &actor,
                             const QString &amendmentReason = {});
    // A supervisor's record on a submitted referral (issue 7's review): an outcome, a discussion, feedback, a
    // sharing decision, a disagreement, an action done, or the profile's decision-stage answers — each change a
    // "decisionRecorded" event naming `what` it records, not an amendment of what the call recorded. A change to
    // anything the call recorded is refused here: that is an amendment, with its reason (save()).
    Result<SaveReceipt> recordReview(const Referral &referral, qint64 expectedRevision, const Actor &actor,
                                     const QString &what, const Profile &profile);
    // Whether `path` (ReferralState's) is a review record of `profile` rather than something the call recorded.
    static bool isReviewPath(const QString &path, const Profile &profile);
    Status flush(const QString &reference);
    Status flushAll();
    // Team mode, at sign-in: the server made ready for this session's one-statement saves (see the definition).
    Status readyTeamSaves();

    // draft → submitted: refused while a procedure's must is broken (blocking findings at intake). The audit event
    // lists the findings still outstanding.
    Result<SaveReceipt> submit(const QString &reference, qint64 expectedRevision, const Actor &actor,
                               const Profile &profile);
    // draft → discarded (issue 18): a call started by mistake, with the reason, by the one who started it or a
    // supervisor. Nothing is deleted: it stays in the trail and verify-audit, out of the queue, home and search.
    Result<SaveReceipt> discard(const QString &reference, qint64 expectedRevision, const Actor &actor,
                                const QString &reason);
    // submitted → decided (decision-stage musts met) → closed. Deciding is signing (NOR-D2): it needs the
    // actor's Signature, made by re-entering their password moments before; the "signed" event records it.
    Result<SaveReceipt> changeStatus(const QString &reference, qint64 expectedRevision, const Actor &actor,
                                     ReferralStatus to, const Profile &profile,
                                     const std::optional<Signature> &signature = std::nullopt);

    // frontdoor import (issues 8, 16): a whole referral from another Front Door, in one transaction — all or nothing,
    // meeting the rules the editor and submission meet (ReferralImport::problems). Refused when its reference is
    // already here (nothing is merged), for a role that does not exchange referrals (supervisors do). Its people
    // keep their names from there, marked "(imported)" so none passes for a local account; a submitted or decided
    // referral without actions gets those submission sets, from its own call. The trail gets one "imported" event
    // with the source and who handled and signed it there; the local numbering is never moved past six digits.
    // A workstation's own database brought into the team's server (`server import-database`) is the same team's
    // work: its people keep their ids (KeepPeople), as they sign in to the server under them.
    enum class ImportedPeople { MarkImported, Keep };
    Result<SaveReceipt> importReferral(const Referral &referral,
                                       const Profile &profile,
                                       const Actor &actor,
                                       const QString &source,
                                       ImportedPeople people = ImportedPeople::MarkImported);

    // An event that changes nothing: viewed, exported, printed.
    Status recordAccess(const QString &reference, const Actor &actor, AuditKind kind, const QJsonObject &details = {});

    const QString &instanceId() const { return m_instanceId; }

private:
    struct Pending
    {
        QString path;
        QString from; // encoded value (ReferralState::encode)
        QString by;
        QDateTime at;
    };
    struct Row
    {
        qint64 id = 0;
        qint64 revision = 0;
        ReferralStatus status = ReferralStatus::Draft;
        QString document;
        std::optional<Pending> pending;
        QString searchText;
        QDateTime updatedAt;
        QString updatedBy;
        bool urgent = false;
        std::optional<LockHolder> lease; // the case's lease when the row was read
        // The columns a save may leave as they were, as read (keys of referrals.update.*'s values). Unset: write
        // them all. Each column written, even with its own value, rewrites a page of every index it is in (issue 21).
        std::optional<QVariantMap> stored;
    };
    struct EventDraft
    {
        AuditKind kind;
        QString user;
        QDateTime at;
        QJsonObject payload;
    };
    // Which derived rows a write rewrites: the search entry (when its text changed), the known-child keys, the
    // follow-up actions.
    struct Derived
    {
        std::optional<QString> searchText;
        bool personKeys = false;
        bool actions = false;
    };
    // How a write reaches the server (team mode): the row as read in this transaction (Written); going on typing the
    // row's burst, in one statement outside any transaction (Typed, goOnTyping); or described from what this desk
    // last wrote, row and events in one statement that commits by itself, the server checking each event's link as
    // this desk computes it (Saved, saveFromCache). The last two are written only if the row is still as this desk
    // left it.
    enum class ServerWrite { Written, Typed, Saved };
    struct Current
    {
        Row row;
        Referral referral;
        FlatState flat;
        ServerWrite write = ServerWrite::Written;
        std::optional<Pending> basis; // Saved: the burst the row held when this desk last wrote it
    };

    Result<Current> readCurrent(const QString &reference);
    // Team mode (issue 19): a save that goes on typing into the answer this desk's last save changed, sent as one
    // statement; nullopt when it is not such a save or the server found the row changed, for the usual way.
    std::optional<Result<SaveReceipt>>
    goOnTyping(const Referral &referral, qint64 expectedRevision, const Actor &actor);
    Status checkWritable(const Current &current, qint64 expectedRevision) const;
    static EventDraft pendingEvent(const Pending &pending, const FlatState &before);
    static EventDraft fieldsChangedEvent(const FlatState &before,
                                         const FlatState &after,
                                         const QStringList &changed,
                                         const QString &user,
                                         const QDateTime &at);
    // The body every change shares (save, recordReview): one transaction, the operation × role check, the revision
    // check, then the events `describe` makes for the changed paths (or its refusal), written with the new state.
    using OperationFor = std::function<Operation(const Referral &stored)>;
    using Describe = std::function<Result<QList<EventDraft>>(Current &current, const FlatState &after,
                                                             const QStringList &changed, const QDateTime &now)>;
    Result<SaveReceipt> writeChange(const Referral &referral, qint64 expectedRevision, const Actor &actor,
                                    const OperationFor &operationFor, const Describe &describe);
    // Team mode (issue 19): any other save of a draft whose row this desk wrote last, described from what it holds and
    // sent as one statement with its events (ServerWrite::Saved); nullopt when the desk holds no such row, the save is
    // not one it can describe alone, or the server found the row changed: the usual way then reads it.
    std::optional<Result<SaveReceipt>> saveFromCache(const Referral &referral,
                                                     qint64 expectedRevision,
                                                     const Actor &actor,
                                                     const OperationFor &operationFor,
                                                     const Describe &describe);
    // persist(), then the commit; the cache holds what was committed, and forgets the reference if the commit fails.
    Result<SaveReceipt> persistAndCommit(WriteTransaction &transaction, Current &current, const Referral &next,
                                         FlatState after, QList<EventDraft> events, const Actor &actor,
                                         const QDateTime &now);
    Result<SaveReceipt> persist(Current &current, const Referral &next, FlatState after, QList<EventDraft> events,
                                const Actor &actor, const QDateTime &now);
    Status linkedReferralExists(const Referral &referral, const Profile &profile);
    // The rows derived from the referral that `derived` says changed (DerivedRows computes them all again to verify),
    // and the change notice the other desks hear (`notice`: created, saved, urgent …). On the server, one round trip.
    Status writeDerived(
        qint64 id, const Referral &referral, const Derived &derived, const QString &notice, const QDateTime &at);
    // The referral's row (`update`: the values of referrals.update.*, its revision checked), then writeDerived();
    // false if the row had moved on. On SQLite only the columns that differ from `stored` are written. On the server,
    // row, derived rows and notice in one round trip.
    Result<bool> writeReferral(const QVariantMap &update,
                               const std::optional<QVariantMap> &stored,
                               const Referral &referral,
                               const Derived &derived,
                               const QString &notice,
                               const QDateTime &at,
                               ServerWrite how = ServerWrite::Written,
                               const QList<AuditTrail::Writer::Draft> &events = {},
                               AuditTrail::Writer *audit = nullptr);
    // ServerWrite::Saved also appends `events`, and `audit` checks the links the server answers.
    Result<bool> writeOnServer(const QVariantMap *update,
                               qint64 id,
                               const Referral &referral,
                               const Derived &derived,
                               const QString &notice,
                               const QDateTime &at,
                               ServerWrite how = ServerWrite::Written,
                               const QList<AuditTrail::Writer::Draft> &events = {},
                               AuditTrail::Writer *audit = nullptr);
    Result<SaveReceipt> transition(const QString &reference, qint64 expectedRevision, const Actor &actor,
                                   ReferralStatus from, ReferralStatus to, const Profile &profile,
                                   const std::optional<Signature> &signature);

    Database &m_database;
    const Clock &m_clock;
    const WorkingCalendar &m_calendar; // not owned: the Store's
    QString m_instanceId;
    // The last state written per reference, so a save need not re-read and re-parse its own previous write. Bounded
    // (least recently used go first): a desk works on a handful of cases, and an import or a seed of a million
    // referrals must not keep every one in memory (issue 21).
    QCache<QString, Current> m_cache{64};
};

// The state the audit trail vouches for: the stored state with a pending burst's item put back to its old value.
QString auditedStateHash(FlatState state, const QString &pendingPath, const QString &pendingFrom);

} // namespace FrontDoor
