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

// The referrer asked that their identity be withheld (anonymous, or not to be told to the family).
bool anonymityRequested(const Referral &referral);

} // namespace Facts
} // namespace FrontDoor
