#pragma once

#include "calendar/workingcalendar.h"
#include "profile/profile.h"
#include "referral/referral.h"

namespace FrontDoor {

// The follow-up actions a submitted referral creates, each with its due time from the profile's timescales and
// the working-day calendar, and the paragraph that demands it:
//  decision (NOR-T4, LIN-T3) and feedback to the referrer (ALL-T6, LIN-T5) — always; an urgent referral's decision
//    within the profile's "urgentDecision" timescale (hours; a local target) where it sets one;
//  written confirmation (LIN-T1) and its acknowledgement (LIN-T5) — a professional's phone referral;
//  informing the parent (NOR-C6) — a professional proceeding although the parent refused;
//  the strategy-discussion record (NOR-T7) — a cross-boundary referral.
// A timescale the profile does not define creates no action. Received = the call's start. Feedback to a referrer
// who cannot receive it (anonymous, no contact recorded) is planned cancelled, with the reason as its note.
QList<FollowUpAction> plannedActions(const Referral &referral, const Profile &profile, const WorkingCalendar &calendar);

// Marks done the open actions the referral itself shows are met: the decision once it is decided (NOR-T4,
// LIN-T3), the feedback once feedback is recorded (LIN-T5, ALL-T6). True when any changed.
bool markMetActions(Referral &referral, const QString &by, const QDateTime &at);

// LIN-T5: the written referral is acknowledged, and the decision fed back, within one working day of its receipt —
// so once the written confirmation (LIN-T1) is recorded as received (its action done, with the time), the open
// acknowledgement and feedback actions are due from that receipt, not from the call. True when any due time moved.
bool countFromWrittenReferral(Referral &referral, const Profile &profile, const WorkingCalendar &calendar);

// A supervisor marks an open action done by hand, with what was done. False when no open action has that id.
bool markActionDone(
    Referral &referral, const QString &actionId, const QString &note, const QString &by, const QDateTime &at);

} // namespace FrontDoor
