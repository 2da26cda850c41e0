#include "store/referralrepository.h"

#include "calendar/followupplanner.h"
#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "rules/evaluator.h"
#include "rules/rulehelpers.h"
#include "store/caseaccess.h"
#include "store/database.h"
#include "store/storedtime.h"

#include <QJsonArray>
#include <QSqlQuery>

// ReferralRepository's status transitions, in a file of their own: draft → submitted (the call record signed, the
// follow-up actions planned) and submitted → decided → closed (the decision signed, NOR-D2).
namespace FrontDoor {

Result<SaveReceipt> ReferralRepository::submit(const QString &reference, qint64 expectedRevision, const Actor &actor,
                                               const Profile &profile)
{
    return transition(reference, expectedRevision, actor, ReferralStatus::Draft, ReferralStatus::Submitted, profile,
                      std::nullopt);
}

Result<SaveReceipt> ReferralRepository::changeStatus(const QString &reference, qint64 expectedRevision,
                                                     const Actor &actor, ReferralStatus to, const Profile &profile,
                                                     const std::optional<Signature> &signature)
{
    switch (to) {
    case ReferralStatus::Submitted:
        return submit(reference, expectedRevision, actor, profile);
    case ReferralStatus::Decided:
        return transition(reference, expectedRevision, actor, ReferralStatus::Submitted, to, profile, signature);
    case ReferralStatus::Closed:
        return transition(reference, expectedRevision, actor, ReferralStatus::Decided, to, profile, signature);
    case ReferralStatus::Draft:
    case ReferralStatus::Discarded: // discard() takes a reason
        break;
    }
    return makeError(ErrorCode::InvalidInput, QStringLiteral("A referral cannot go back to being a draft."));
}

namespace {

// A status the procedure's musts do not yet allow is refused, naming every requirement not met and where.
Status noneBlocking(const Findings &findings, const QString &reference, ReferralStatus to)
{
    const Findings blocking = withSeverity(findings, Severity::Blocking);
    if (blocking.isEmpty())
        return {};
    QStringList items;
    for (const Finding &finding : blocking)
        items.append(QStringLiteral("%1 (%2)").arg(finding.ruleId, finding.path));
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("Referral %1 cannot be %2 yet: %3 of the procedure's requirements %4 not met — %5.")
                         .arg(reference, referralStatusName(to))
                         .arg(blocking.size())
                         .arg(blocking.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                              items.join(QStringLiteral(", "))));
}

} // namespace

// NOR-R4: the other child's referral named by a reference of this front door is one this database holds.
Status ReferralRepository::linkedReferralExists(const Referral &referral, const Profile &profile)
{
    const QString linked = referral.answer(Field::otherChildReferral).value().trimmed();
    if (!Facts::isYes(referral, Field::harmByChild) || !RuleHelpers::isOwnReference(linked, profile))
        return {};
    Result<QSqlQuery *> found = m_database.exec(QStringLiteral("referrals.exists"), {{"reference", linked}});
    if (!found)
        return found.error();
    const bool exists = (*found)->next();
    (*found)->finish();
    if (exists)
        return {};
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("Referral %1 names %2 as the other child's referral (NOR-R4), but there is no "
                                    "such referral here: start it, or record the other authority's reference.")
                         .arg(referral.reference, linked));
}

Result<SaveReceipt> ReferralRepository::transition(const QString &reference, qint64 expectedRevision,
                                                   const Actor &actor, ReferralStatus from, ReferralStatus to,
                                                   const Profile &profile, const std::optional<Signature> &signature)
{
    if (actor.userId.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A status change needs the user who makes it."));
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    Result<Current> current = readCurrent(reference);
    if (!current)
        return current.error();
    const Operation operation = to != ReferralStatus::Submitted             ? Operation::SignDecision
                                : current->referral.handler == actor.userId ? Operation::SubmitOwnReferral
                                                                            : Operation::EditAnyDraft;
    if (Status s = permitCase(actor, operation, reference); !s)
        return s.error();
    if (Status s = checkWritable(*current, expectedRevision); !s)
        return s.error();
    if (current->referral.status != from)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Referral %1 is %2: it cannot become %3 from there.")
                             .arg(reference, referralStatusName(current->referral.status), referralStatusName(to)));
    if (profile.id != current->referral.profileId)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Referral %1 belongs to the %2 profile.")
                                                      .arg(reference, current->referral.profileId));

    const QDateTime now = m_clock.now();
    if (to == ReferralStatus::Decided && !(signature && signature->isValidFor(actor.userId, now)))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Recording the decision on %1 is signing it: enter your password again.")
                             .arg(reference));
    const Findings findings = evaluate(current->referral, profile, now,
                                       to == ReferralStatus::Submitted ? Stage::Intake : Stage::Decision);
    if (Status s = noneBlocking(findings, reference, to); !s)
        return s.error();
    if (Status s = linkedReferralExists(current->referral, profile); !s)
        return s.error();

    QList<EventDraft> events;
    if (current->row.pending)
        events.append(pendingEvent(*current->row.pending, current->flat));
    current->row.pending.reset();

    Referral next = current->referral;
    next.status = to;
    if (to == ReferralStatus::Submitted && !next.callEndedAt.isValid())
        next.callEndedAt = now;
    if (to == ReferralStatus::Submitted && next.actions.isEmpty())
        next.actions
            = plannedActions(next, profile, m_calendar); // each with its due time and the paragraph that demands it
    markMetActions(next, actor.userId, now); // signing the decision meets its own action
    QJsonArray outstanding;
    for (const Finding &finding : withSeverity(findings, Severity::Outstanding))
        outstanding.append(QString(finding.ruleId + u' ' + finding.path));
    events.append(EventDraft{to == ReferralStatus::Submitted ? AuditKind::Submitted : AuditKind::StatusChanged,
                             actor.userId, now,
                             {{QStringLiteral("from"), referralStatusName(from)},
                              {QStringLiteral("to"), referralStatusName(to)},
                              {QStringLiteral("outstanding"), outstanding}}});
    if (to == ReferralStatus::Submitted) // the handler signs the call record by submitting it
        events.insert(events.size() - 1, EventDraft{AuditKind::Signed, actor.userId, now,
                                                    {{QStringLiteral("what"), QStringLiteral("call record")}}});
    if (to == ReferralStatus::Decided)
        events.insert(events.size() - 1,
                      EventDraft{AuditKind::Signed, actor.userId, now,
                                 {{QStringLiteral("what"), QStringLiteral("decision")},
                                  {QStringLiteral("passwordReenteredAt"), StoredTime::text(signature->at())}}});
    return persistAndCommit(transaction, *current, next, ReferralState::flatten(next), events, actor, now);
}

Result<SaveReceipt> ReferralRepository::discard(const QString &reference, qint64 expectedRevision, const Actor &actor,
                                                const QString &reason)
{
    const QString why = reason.simplified();
    if (why.size() < 5)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Say why the call is discarded (for the record), "
                                                                 "e.g. \"started by mistake\"."));
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    Result<Current> current = readCurrent(reference);
    if (!current)
        return current.error();
    // The one who started the call, or a supervisor (who may edit any draft); only while it is a draft.
    const Operation operation = current->referral.handler == actor.userId ? Operation::EditOwnDraft
                                                                           : Operation::EditAnyDraft;
    if (Status s = permitCase(actor, operation, reference); !s)
        return s.error();
    if (Status s = checkWritable(*current, expectedRevision); !s)
        return s.error();
    if (current->referral.status != ReferralStatus::Draft)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Referral %1 is %2: only a call still being taken can be discarded; a submitted "
                                        "referral is decided on.")
                             .arg(reference, referralStatusName(current->referral.status)));
    const QDateTime now = m_clock.now();
    QList<EventDraft> events;
    if (current->row.pending)
        events.append(pendingEvent(*current->row.pending, current->flat));
    current->row.pending.reset();
    Referral next = current->referral;
    next.status = ReferralStatus::Discarded;
    if (!next.callEndedAt.isValid())
        next.callEndedAt = now;
    events.append(EventDraft{AuditKind::Discarded, actor.userId, now,
                             {{QStringLiteral("from"), referralStatusName(ReferralStatus::Draft)},
                              {QStringLiteral("to"), referralStatusName(ReferralStatus::Discarded)},
                              {QStringLiteral("reason"), why}}});
    return persistAndCommit(transaction, *current, next, ReferralState::flatten(next), events, actor, now);
}

} // namespace FrontDoor
