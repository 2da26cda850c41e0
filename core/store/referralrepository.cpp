#include "store/referralrepository.h"

#include "common/uktime.h"

#include "access/permissions.h"
#include "referral/referralfacts.h"
#include "referral/referraljson.h"
#include "store/audittrail.h"
#include "store/caseaccess.h"
#include "store/caselocks.h"
#include "store/database.h"
#include "store/derivedrows.h"
#include "store/referralindex.h"

#include "store/sqlrow.h"
#include "store/storedtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

namespace {

QString documentText(const Referral &referral)
{
    return QString::fromUtf8(ReferralJson::serializeCompact(referral));
}

QJsonValue decode(const QString &encoded)
{
    return QJsonDocument::fromJson(encoded.toUtf8()).array().at(0);
}

Operation viewing(const Actor &actor, const QString &handler)
{
    return actor.userId == handler ? Operation::ViewOwnReferral : Operation::ViewAnyReferral;
}

} // namespace

QString auditedStateHash(FlatState state, const QString &pendingPath, const QString &pendingFrom)
{
    if (!pendingPath.isEmpty()) {
        if (decode(pendingFrom).isNull())
            state.remove(pendingPath);
        else
            state.insert(pendingPath, pendingFrom);
    }
    return ReferralState::hash(state);
}

ReferralRepository::ReferralRepository(Database &database,
                                       const Clock &clock,
                                       const WorkingCalendar &calendar,
                                       QString instanceId)
    : m_database(database)
    , m_clock(clock)
    , m_calendar(calendar)
    , m_instanceId(std::move(instanceId))
{}

Result<StoredReferral> ReferralRepository::createDraft(const Profile &profile, const Actor &actor)
{
    if (actor.userId.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A referral needs the user who takes the call."));
    if (Status s = permitCase(actor, Operation::CreateReferral, profile.name); !s)
        return s.error();
    const QDateTime now = m_clock.now();
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();

    // A training case's reference can never be read as a live one's (issue 7): TRN-NOR-2026-000001.
    const QString prefix = m_database.isTraining() ? QStringLiteral("TRN-") + profile.referencePrefix
                                                   : profile.referencePrefix;
    Result<QSqlQuery *> number = m_database.exec(QStringLiteral("referrals.nextNumber"),
                                                 {{"prefix", prefix}, {"year", now.date().year()}});
    if (!number)
        return number.error();
    if (!(*number)->next())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("No reference number was given out."));
    const qint64 serial = (*number)->value(0).toLongLong();
    (*number)->finish();

    Referral referral;
    referral.reference = QStringLiteral("%1-%2-%3").arg(prefix).arg(now.date().year())
                             .arg(serial, 6, 10, QLatin1Char('0'));
    referral.profileId = profile.id;
    referral.handler = actor.userId;
    referral.callStartedAt = now;
    referral.children.append(Person{QStringLiteral("c1"), {}});

    Result<QSqlQuery *> inserted = m_database.exec(
        QStringLiteral("referrals.insert"),
        {{"reference", referral.reference}, {"profile", referral.profileId},
         {"status", referralStatusName(referral.status)}, {"handler", referral.handler}, {"urgent", 0},
         {"callStartedAt", StoredTime::text(now)}, {"at", StoredTime::text(now)}, {"user", actor.userId}, {"nextDue", QVariant()},
         {"children", ReferralIndex::childrenSummary(referral)}, {"document", documentText(referral)},
         {"searchText", ReferralIndex::searchText(referral)}});
    if (!inserted)
        return inserted.error();
    if (!(*inserted)->next())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("The new referral was not stored."));
    const qint64 id = (*inserted)->value(0).toLongLong();
    (*inserted)->finish();

    const FlatState flat = ReferralState::flatten(referral);
    if (Status s = writeDerived(
            id, referral, Derived{ReferralIndex::searchText(referral), true, false}, QStringLiteral("created"), now);
        !s)
        return s.error();
    AuditTrail::Writer audit(m_database); // last: see persist()
    if (Status s = audit.appendAll(referral.reference,
                                   {{actor.userId,
                                     now,
                                     AuditKind::Created,
                                     QJsonObject{{QStringLiteral("profile"), profile.id},
                                                 {QStringLiteral("callStartedAt"), StoredTime::text(now)},
                                                 {QStringLiteral("state"), ReferralState::hash(flat)}}}});
        !s)
        return s.error();
    if (Status s = audit.finish(); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();

    Current current;
    current.row.id = id;
    current.row.revision = 1;
    current.row.document = documentText(referral);
    current.row.searchText = ReferralIndex::searchText(referral);
    current.row.updatedAt = now;
    current.row.updatedBy = actor.userId;
    current.referral = referral;
    current.flat = flat;
    m_cache.insert(referral.reference, new Current(current));
    return StoredReferral{referral, 1, false, now, actor.userId};
}

Result<ReferralRepository::Current> ReferralRepository::readCurrent(const QString &reference)
{
    Result<QSqlQuery *> rows = m_database.exec(QStringLiteral("referrals.row"), {{"reference", reference}});
    if (!rows)
        return rows.error();
    QSqlQuery &q = **rows;
    if (!q.next())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no referral %1.").arg(reference));
    Row row;
    const SqlRow at(q);
    row.id = at["id"_L1].toLongLong();
    row.revision = at["revision"_L1].toLongLong();
    referralStatusFromName(at["status"_L1].toString(), &row.status);
    row.document = at["document"_L1].toString();
    if (!at["pending_path"_L1].isNull())
        row.pending = Pending{at["pending_path"_L1].toString(),
                              at["pending_from"_L1].toString(),
                              at["pending_by"_L1].toString(),
                              StoredTime::parse(at["pending_at"_L1])};
    row.searchText = at["search_text"_L1].toString();
    row.updatedAt = StoredTime::parse(at["updated_at"_L1]);
    row.updatedBy = at["updated_by"_L1].toString();
    row.urgent = at["urgent"_L1].toInt() != 0;
    row.stored = QVariantMap{{QStringLiteral("status"), at["status"_L1]},
                             {QStringLiteral("urgent"), at["urgent"_L1]},
                             {QStringLiteral("nextDue"), at["next_due"_L1]},
                             {QStringLiteral("children"), at["children_summary"_L1]},
                             {QStringLiteral("searchText"), at["search_text"_L1]},
                             {QStringLiteral("pendingPath"), at["pending_path"_L1]},
                             {QStringLiteral("pendingFrom"), at["pending_from"_L1]},
                             {QStringLiteral("pendingBy"), at["pending_by"_L1]},
                             {QStringLiteral("pendingAt"), at["pending_at"_L1]}};
    if (!at["holder"_L1].isNull())
        row.lease = LockHolder{at["holder"_L1].toString(),
                               at["workstation"_L1].toString(),
                               at["instance"_L1].toString(),
                               StoredTime::parse(at["acquired_at"_L1]),
                               StoredTime::parse(at["expires_at"_L1])};
    q.finish();

    if (const Current *cached = m_cache.object(reference);
        cached && cached->row.revision == row.revision && cached->row.document == row.document) {
        Current current = *cached;
        current.row = row;
        return current;
    }
    Result<Referral> referral = ReferralJson::readStored(row.document.toUtf8(), reference);
    if (!referral)
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("Referral %1 is stored in a form this version cannot read: %2")
                             .arg(reference, referral.errorMessage()));
    Current current{row, *referral, ReferralState::flatten(*referral), ServerWrite::Written, std::nullopt};
    return current;
}

Result<StoredReferral> ReferralRepository::load(const QString &reference)
{
    Result<Current> current = readCurrent(reference);
    if (!current)
        return current.error();
    m_cache.insert(reference, new Current(*current));
    return StoredReferral{current->referral, current->row.revision, current->row.urgent, current->row.updatedAt,
                          current->row.updatedBy};
}

Status ReferralRepository::checkWritable(const Current &current, qint64 expectedRevision) const
{
    if (current.row.revision != expectedRevision)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("Referral %1 was changed elsewhere (by %2 at %3) since it was opened here. "
                                        "Nothing was overwritten: reopen it to see the latest.")
                             .arg(current.referral.reference,
                                  current.row.updatedBy,
                                  UkTime::text(current.row.updatedAt, QStringLiteral("HH:mm:ss"))));
    if (const std::optional<LockHolder> &held = current.row.lease;
        held && held->instance != m_instanceId && held->expires > m_clock.now())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("Referral %1 is open for editing by %2 on %3; it can "
                                        "only be read here.")
                             .arg(current.referral.reference, held->user, held->workstation));
    return {};
}

ReferralRepository::EventDraft ReferralRepository::pendingEvent(const Pending &pending, const FlatState &before)
{
    return EventDraft{AuditKind::FieldChanged, pending.by, pending.at,
                      QJsonObject{{QStringLiteral("path"), pending.path},
                                  {QStringLiteral("from"), decode(pending.from)},
                                  {QStringLiteral("to"), ReferralState::valueAt(before, pending.path)}}};
}

Result<SaveReceipt> ReferralRepository::writeChange(const Referral &referral, qint64 expectedRevision,
                                                    const Actor &actor, const OperationFor &operationFor,
                                                    const Describe &describe)
{
    if (actor.userId.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A save needs the user who made the change."));
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    Result<Current> current = readCurrent(referral.reference);
    if (!current)
        return current.error();
    const Referral &stored = current->referral;
    if (Status s = permitCase(actor, operationFor(stored), stored.reference); !s)
        return s.error();
    if (Status s = checkWritable(*current, expectedRevision); !s)
        return s.error();
    if (referral.profileId != stored.profileId || referral.status != stored.status || referral.handler != stored.handler)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("A save cannot change a referral's profile, status or handler; submit or "
                                        "decide it instead."));

    FlatState after = ReferralState::flatten(referral);
    const QStringList changed = ReferralState::changedPaths(current->flat, after);
    const QDateTime now = m_clock.now();
    if (changed.isEmpty())
        return SaveReceipt{current->row.revision, now, false, 0};

    Result<QList<EventDraft>> events = describe(*current, after, changed, now);
    if (!events)
        return events.error();
    return persistAndCommit(transaction, *current, referral, std::move(after), *events, actor, now);
}

Result<SaveReceipt> ReferralRepository::persistAndCommit(WriteTransaction &transaction, Current &current,
                                                         const Referral &next, FlatState after,
                                                         QList<EventDraft> events, const Actor &actor,
                                                         const QDateTime &now)
{
    Result<SaveReceipt> receipt = persist(current, next, std::move(after), std::move(events), actor, now);
    if (!receipt)
        return receipt;
    if (Status s = transaction.commit(); !s) {
        m_cache.remove(next.reference);
        return s.error();
    }
    m_cache.insert(next.reference, new Current(current));
    return receipt;
}

Result<SaveReceipt> ReferralRepository::save(const Referral &referral, qint64 expectedRevision, const Actor &actor,
                                             const QString &amendmentReason)
{
    const auto operationFor = [&actor](const Referral &stored) {
        return stored.status != ReferralStatus::Draft ? Operation::AmendSubmitted
               : stored.handler == actor.userId     ? Operation::EditOwnDraft
                                                    : Operation::EditAnyDraft;
    };
    const auto describe = [&](Current &current, const FlatState &after, const QStringList &changed,
                              const QDateTime &now) -> Result<QList<EventDraft>> {
        QList<EventDraft> events;
        std::optional<Pending> &pending = current.row.pending;
        if (current.referral.status != ReferralStatus::Draft) {
            if (amendmentReason.trimmed().isEmpty())
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("Referral %1 has been submitted: a change needs the reason for the "
                                                "amendment, and the old value stays in the record.")
                                     .arg(referral.reference));
            if (pending)
                events.append(pendingEvent(*pending, current.flat));
            pending.reset();
            for (const QString &path : changed)
                events.append(EventDraft{AuditKind::Amended, actor.userId, now,
                                         {{QStringLiteral("path"), path},
                                          {QStringLiteral("from"), ReferralState::valueAt(current.flat, path)},
                                          {QStringLiteral("to"), ReferralState::valueAt(after, path)},
                                          {QStringLiteral("reason"), amendmentReason.trimmed()}}});
            return events;
        }
        const bool continuesBurst = pending && changed.size() == 1 && changed.constFirst() == pending->path
                                    && pending->by == actor.userId;
        if (pending && !continuesBurst) {
            events.append(pendingEvent(*pending, current.flat));
            pending.reset();
        }
        if (changed.size() == 1) {
            if (continuesBurst)
                pending->at = now;
            else
                pending = Pending{changed.constFirst(),
                                  ReferralState::encode(ReferralState::valueAt(current.flat, changed.constFirst())),
                                  actor.userId, now};
        } else {
            events.append(fieldsChangedEvent(current.flat, after, changed, actor.userId, now));
        }
        return events;
    };
    if (m_database.isServer() && amendmentReason.isEmpty()) {
        if (std::optional<Result<SaveReceipt>> typed = goOnTyping(referral, expectedRevision, actor))
            return *typed;
        if (std::optional<Result<SaveReceipt>> saved
            = saveFromCache(referral, expectedRevision, actor, operationFor, describe))
            return *saved;
    }
    return writeChange(referral, expectedRevision, actor, operationFor, describe);
}

Result<SaveReceipt> ReferralRepository::persist(Current &current, const Referral &next, FlatState after,
                                                QList<EventDraft> events, const Actor &actor, const QDateTime &now)
{
    Row &row = current.row;
    // The state the last event vouches for; a keystroke that goes on typing writes no event, and is not hashed.
    if (!events.isEmpty())
        events.last().payload.insert(QStringLiteral("state"),
                                     row.pending ? auditedStateHash(after, row.pending->path, row.pending->from)
                                                 : ReferralState::hash(after));

    const QString document = documentText(next);
    // What is stored must read back: a referral the reader refuses (two children with one id, say) would be saved
    // and then never open again. Every write comes through here, so every path meets the reader's rules.
    if (Result<Referral> back = ReferralJson::readStored(document.toUtf8(), next.reference); !back)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 was not saved: it could not be read back as it stands (%2).")
                             .arg(next.reference, back.errorMessage()));
    const DerivedRows::Columns columns = DerivedRows::columnsOf(next);
    Derived derived;
    if (columns.searchText != row.searchText)
        derived.searchText = columns.searchText;
    derived.personKeys = DerivedRows::personKeyRows(next) != DerivedRows::personKeyRows(current.referral);
    derived.actions = next.actions != current.referral.actions;
    QVariantMap update{{QStringLiteral("status"), columns.status},
                       {QStringLiteral("document"), document},
                       {QStringLiteral("at"), StoredTime::text(now)},
                       {QStringLiteral("user"), actor.userId},
                       {QStringLiteral("urgent"), columns.urgent},
                       {QStringLiteral("nextDue"), columns.nextDue.isEmpty() ? QVariant() : QVariant(columns.nextDue)},
                       {QStringLiteral("children"), columns.childrenSummary},
                       {QStringLiteral("searchText"), columns.searchText},
                       {QStringLiteral("pendingPath"), row.pending ? QVariant(row.pending->path) : QVariant()},
                       {QStringLiteral("pendingFrom"), row.pending ? QVariant(row.pending->from) : QVariant()},
                       {QStringLiteral("pendingBy"), row.pending ? QVariant(row.pending->by) : QVariant()},
                       {QStringLiteral("pendingAt"), row.pending ? StoredTime::orNull(row.pending->at) : QVariant()},
                       {QStringLiteral("id"), row.id},
                       {QStringLiteral("expected"), row.revision}};
    if (current.write == ServerWrite::Saved) {
        // The burst the row must still hold for the events described here to be the right ones.
        const std::optional<Pending> &basis = current.basis;
        update.insert(QStringLiteral("basisPath"), basis ? QVariant(basis->path) : QVariant());
        update.insert(QStringLiteral("basisFrom"), basis ? QVariant(basis->from) : QVariant());
        update.insert(QStringLiteral("basisBy"), basis ? QVariant(basis->by) : QVariant());
    }
    // The events last (saved from the cache, at the end of the same statement): on the server the chain's head is
    // locked from the first link until COMMIT, so every desk's save waits for it as briefly as it can.
    QList<AuditTrail::Writer::Draft> drafts;
    for (const EventDraft &event : events)
        drafts.append({event.user, event.at, event.kind, event.payload});
    AuditTrail::Writer audit(m_database);
    // A referral that has just become urgent is announced as such: the other desks' queues put it first (issue 19).
    // One whose status, urgency or follow-up actions (and so its due date) changed "moved": the counts and figures
    // other desks show may differ. Any other save (typing, mostly) is "saved", which changes a queue's row alone.
    const bool becameUrgent = columns.urgent != 0 && !row.urgent;
    const bool moved = next.status != row.status || (columns.urgent != 0) != row.urgent || derived.actions;
    Result<bool> written = writeReferral(update,
                                         row.stored,
                                         next,
                                         derived,
                                         becameUrgent ? QStringLiteral("urgent")
                                         : moved      ? QStringLiteral("moved")
                                                      : QStringLiteral("saved"),
                                         now,
                                         current.write,
                                         drafts,
                                         &audit);
    if (!written)
        return written.error();
    if (!*written)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("Referral %1 was changed elsewhere while saving; nothing was overwritten.")
                             .arg(next.reference));
    if (current.write != ServerWrite::Saved)
        if (Status s = audit.appendAll(next.reference, drafts); !s)
            return s.error();
    if (Status s = audit.finish(); !s)
        return s.error();

    row.revision += 1;
    row.document = document;
    row.searchText = columns.searchText;
    row.updatedAt = now;
    row.updatedBy = actor.userId;
    row.urgent = columns.urgent != 0;
    row.status = next.status;
    row.stored.reset(); // the next write reads the row again
    current.referral = next;
    current.flat = std::move(after);
    return SaveReceipt{row.revision, now, true, int(events.size())};
}

Result<StoredReferral> ReferralRepository::open(const QString &reference, const Actor &actor)
{
    Result<StoredReferral> stored = load(reference);
    if (!stored)
        return stored;
    if (Status s = permitCase(actor, viewing(actor, stored->referral.handler), reference); !s)
        return s.error();
    if (Status s = recordAccess(reference, actor, AuditKind::Viewed); !s)
        return s.error();
    return stored;
}

Status ReferralRepository::recordAccess(const QString &reference, const Actor &actor, AuditKind kind,
                                        const QJsonObject &details)
{
    if (actor.userId.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("An access needs the user who made it."));
    Result<Current> current = readCurrent(reference);
    if (!current)
        return current.error();
    const Operation operation = kind == AuditKind::Exported || kind == AuditKind::Printed
                                    ? Operation::ExportOrPrint
                                    : viewing(actor, current->referral.handler);
    if (Status s = permitCase(actor, operation, reference); !s)
        return s;
    Result<qint64> recorded = AuditTrail::record(m_database, reference, actor.userId, m_clock.now(), kind, details);
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace FrontDoor
