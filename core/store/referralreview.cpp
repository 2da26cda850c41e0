#include "store/referralrepository.h"

#include "calendar/followupplanner.h"
#include "store/referralstate.h"

// ReferralRepository::recordReview, in a file of its own: a supervisor's records on a submitted referral are not
// amendments of what the call recorded, and the trail says so (issue 7's review).
namespace FrontDoor {

bool ReferralRepository::isReviewPath(const QString &path, const Profile &profile)
{
    // The review's own records: lists keyed by id (ReferralState::flatten) and the decision's answers.
    for (const char *list : {"conversations[", "sharingDecisions[", "outcomes[", "feedback[", "disagreements[",
                             "actions["})
        if (path.startsWith(QLatin1String(list)))
            return true;
    if (path.startsWith(QLatin1String("decision.")))
        return true;
    // The profile's decision-stage questions (police consultation LIN-P1, NOR-O2 …).
    for (const Section &section : profile.sections) {
        if (section.stage != SectionStage::Decision)
            continue;
        for (const Question &question : section.questions)
            if (question.field == path)
                return true;
    }
    return false;
}

Result<SaveReceipt> ReferralRepository::recordReview(const Referral &referral, qint64 expectedRevision,
                                                     const Actor &actor, const QString &what, const Profile &profile)
{
    if (what.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A review record needs to say what it records."));
    const auto operationFor = [](const Referral &) { return Operation::RecordDecision; };
    const auto describe = [&](Current &current, const FlatState &after, const QStringList &changed,
                              const QDateTime &now) -> Result<QList<EventDraft>> {
        if (current.referral.status == ReferralStatus::Draft)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("Referral %1 is still being taken: it is reviewed once submitted.")
                                 .arg(referral.reference));
        QList<EventDraft> events;
        for (const QString &path : changed) {
            if (!isReviewPath(path, profile))
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("A review record cannot change what the call recorded (%1): that is "
                                                "an amendment, with its reason. Nothing was recorded.")
                                     .arg(path));
            events.append(EventDraft{AuditKind::DecisionRecorded, actor.userId, now,
                                     {{QStringLiteral("path"), path},
                                      {QStringLiteral("from"), ReferralState::valueAt(current.flat, path)},
                                      {QStringLiteral("to"), ReferralState::valueAt(after, path)},
                                      {QStringLiteral("what"), what.trimmed()}}});
        }
        return events;
    };
    // Whatever the review records that meets an open follow-up action (feedback given: LIN-T5, ALL-T6) marks it
    // done here, in the store, so no screen has to remember to.
    Referral reviewed = referral;
    markMetActions(reviewed, actor.userId, m_clock.now());
    countFromWrittenReferral(reviewed, profile, m_calendar); // LIN-T5: from the written referral's receipt
    return writeChange(reviewed, expectedRevision, actor, operationFor, describe);
}

} // namespace FrontDoor
