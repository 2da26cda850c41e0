#pragma once

#include "documents/document.h"
#include "profile/profile.h"
#include "referral/referral.h"

namespace FrontDoor {

// Feedback to the referrer on the outcome (LIN-T5, ALL-T6). A professional gets the outcome for each child in
// writing, with the reasons and, for no further action, the alternatives offered (the TAC reply-slip content). A
// member of the public is told the referral has been dealt with and what to do if worried again — never the
// outcome, the reasons or anything about the family, which would breach the child's confidentiality (LIN-T5).
Document referrerFeedback(const Referral &referral, const Profile &profile);

} // namespace FrontDoor
