#pragma once

#include "rules/rule.h"

namespace FrontDoor {

// The profile's information items (outstanding until addressed, NOR-G0) and the checks on what each given
// answer holds (a date that is a date, an option the profile offers, a date of birth not in the future).
void checkInformationItems(const RuleContext &context, Findings &findings);

// Every given answer the profile knows, whether or not its question is asked now, checked for what the editor could
// never have stored (issue 16): a date that does not exist, a birth in the future or more than 120 years ago, an
// estimated age over 120 years, control characters in a text, a choice not offered; and control characters in the
// review's records. What `import` refuses at any stage, blocking findings each with its path.
Findings valueProblems(const Referral &referral, const Profile &profile, const QDateTime &now);

} // namespace FrontDoor
