#pragma once

#include "referral/referral.h"

namespace FrontDoor {

// Typed readings of a referral's answers, for the rules and the documents. Each returns Unknown until the
// call-handler has given a value.

enum class CallerType { Unknown, MemberOfPublic, Professional, ParentCarer, Child, OtherChild, Anonymous };
enum class ConsentDecision { Unknown, Agreed, Refused, NotSought, NotApplicable, NotYetKnown }; // ALL-C1
enum class IdentityDecision { Unknown, MayBeShared, NotToFamily, Anonymous };                 // §5

namespace Facts {

CallerType callerType(const Referral &referral);
ConsentDecision consentDecision(const Referral &referral);
IdentityDecision identityDecision(const Referral &referral);

bool isYes(const Referral &referral, QAnyStringView key);
bool isUnborn(const Person &child);
bool anyChildUnborn(const Referral &referral);

// The caller is a member of the community rather than a professional (LIN-A5 "community referrer").
bool isCommunityCaller(CallerType type);

// §2 triage: any "yes" — immediate danger, medical attention, a hospital discharge, an approaching deadline —
// makes the referral urgent, so the supervisor's queue shows it at once (NOR-S1, NOR-S3, NOR-S4, NOR-S5, LIN-S1).
bool isUrgent(const Referral &referral);

// Feedback can reach the referrer (LIN-T5, ALL-T6): they are not anonymous and left a phone number, an email or an
// address. Otherwise no feedback is due, and the record says why.
bool canReceiveFeedback(const Referral &referral);

// The referrer asked that their identity be withheld (anonymous, or not to be told to the family).
bool anonymityRequested(const Referral &referral);

} // namespace Facts
} // namespace FrontDoor
