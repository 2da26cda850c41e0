#pragma once

#include "rules/rule.h"

namespace FrontDoor {

// The profile's information items (outstanding until addressed, NOR-G0) and the checks on what each given
// answer holds (a date that is a date, an option the profile offers, a date of birth not in the future).
void checkInformationItems(const RuleContext &context, Findings &findings);

} // namespace FrontDoor
