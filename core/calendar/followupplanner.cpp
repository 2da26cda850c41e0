#include "followupplanner.h"

#include "referral/fields.h"
#include "referral/referralfacts.h"

namespace FrontDoor {

namespace {

bool applies(const QString &key, const Referral &referral)
{
    const bool professional = Facts::callerType(referral) == CallerType::Professional;
    if (key == QLatin1String("decision") || key == QLatin1String("feedback"))
        return true;
    if (key == QLatin1String("writtenConfirmation") || key == QLatin1String("acknowledgement"))
        return professional;
    if (key == QLatin1String("informParent"))
        return professional && Facts::consentDecision(referral) == ConsentDecision::Refused;
    if (key == QLatin1String("strategyRecord"))
        return Facts::isYes(referral, Field::crossBoundary);
    return false;
}

} // namespace

namespace {

void markDone(FollowUpAction &action, const QString &note, const QString &by, const QDateTime &at)
{
    action.status = ActionStatus::Done;
    action.note = note;
    action.completedAt = at;
    action.completedBy = by;
}

} // namespace

bool markActionDone(
    Referral &referral, const QString &actionId, const QString &note, const QString &by, const QDateTime &at)
{
    for (FollowUpAction &action : referral.actions)
        if (action.id == actionId && action.status == ActionStatus::Open) {
            markDone(action, note.trimmed(), by, at);
            return true;
        }
    return false;
}

bool countFromWrittenReferral(Referral &referral, const Profile &profile, const WorkingCalendar &calendar)
{
    QDateTime received;
    for (const FollowUpAction &action : referral.actions)
        if (action.kind == QLatin1String("writtenConfirmation") && action.status == ActionStatus::Done)
            received = action.completedAt;
    if (!received.isValid())
        return false;
    bool changed = false;
    for (FollowUpAction &action : referral.actions) {
        if (action.status != ActionStatus::Open
            || (action.kind != QLatin1String("acknowledgement") && action.kind != QLatin1String("feedback")))
            continue;
        const Timescale *timescale = profile.timescale(action.kind);
        if (!timescale || !timescale->ids.contains(QStringLiteral("LIN-T5")))
            continue;
        const QDateTime due = calendar.due(received, *timescale);
        if (due != action.due) {
            action.due = due;
            changed = true;
        }
    }
    return changed;
}

bool markMetActions(Referral &referral, const QString &by, const QDateTime &at)
{
    const bool decided = referral.status == ReferralStatus::Decided || referral.status == ReferralStatus::Closed;
    bool changed = false;
    for (FollowUpAction &action : referral.actions) {
        if (action.status != ActionStatus::Open)
            continue;
        QString note;
        if (action.kind == QLatin1String("decision") && decided)
            note = QStringLiteral("The decision was signed.");
        else if (action.kind == QLatin1String("feedback") && !referral.feedback.isEmpty())
            note = QStringLiteral("Feedback to the referrer was recorded.");
        if (note.isEmpty())
            continue;
        markDone(action, note, by, at);
        changed = true;
    }
    return changed;
}

QList<FollowUpAction> plannedActions(const Referral &referral, const Profile &profile, const WorkingCalendar &calendar)
{
    QList<FollowUpAction> actions;
    for (const Timescale &timescale : profile.timescales) {
        if (!applies(timescale.key, referral))
            continue;
        // An urgent referral's decision is due within the profile's urgent timescale — hours, not a working day —
        // where the profile sets one (a local target: neither procedure sets a shorter time). Still the decision.
        const Timescale *due = &timescale;
        if (timescale.key == QLatin1String("decision") && Facts::isUrgent(referral))
            if (const Timescale *urgent = profile.timescale(QStringLiteral("urgentDecision")))
                due = urgent;
        FollowUpAction action;
        action.id = QStringLiteral("act-%1").arg(timescale.key);
        action.kind = timescale.key;
        action.procedureId = due->ids.value(0);
        action.description = due->label;
        action.due = calendar.due(referral.callStartedAt, *due);
        if (action.kind == QLatin1String("feedback") && !Facts::canReceiveFeedback(referral)) {
            // Nobody to tell (LIN-T5, ALL-T6): the action is kept, cancelled with the reason, so the record says
            // why no feedback is due and no queue waits for it.
            action.status = ActionStatus::Cancelled;
            action.note = QStringLiteral("No feedback is due: the referrer is anonymous or left no phone number, "
                                         "email or address.");
        }
        actions.append(action);
    }
    return actions;
}

} // namespace FrontDoor
