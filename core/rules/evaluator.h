#pragma once

#include "rules/rule.h"

namespace FrontDoor {

// The one entry point of the rules: every applicable statutory rule, plus the profile's information items
// (outstanding until addressed) and the checks on what each answer holds. Pure: no I/O, no clock.
// The stage follows the referral's status unless given.
Findings evaluate(const Referral &referral, const Profile &profile, const QDateTime &now);
Findings evaluate(const Referral &referral, const Profile &profile, const QDateTime &now, Stage stage);

// The ID under which a rule reports for a profile, or empty when the rule does not apply to it.
QString ruleIdFor(const Rule &rule, const Profile &profile);

} // namespace FrontDoor
