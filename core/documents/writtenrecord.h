#pragma once

#include "documents/document.h"
#include "profile/profile.h"
#include "referral/referral.h"
#include "rules/finding.h"
#include "store/auditevent.h"

namespace FrontDoor {

// The written record of a referral (issue 8), for the front door itself: every question of the profile with what
// was recorded — items not known, declined or not asked shown as such, never left out — each child and adult, the
// findings still outstanding, the consent and identity decisions with their reasons, the review's records, and every
// decision with who and when and its signature event. Internal: it names the referrer.
Document writtenRecord(const Referral &referral, const Profile &profile, const Findings &outstanding,
                       const QList<AuditEvent> &signatures);

// How one answer reads in a document: the option's label, "Not known", "Declined", "Not asked — <reason>" or "—".
QString answerInWords(const Answer &answer, const Question &question, const Profile &profile);

} // namespace FrontDoor
