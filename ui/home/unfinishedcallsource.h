#pragma once

#include "home/unfinishedcalls.h"
#include "profile/profile.h"
#include "store/store.h"

namespace FrontDoor {

// The signed-in person's drafts from the store, newest first, each with its blocking and outstanding counts from
// the rules (so the list says what is left to do before anyone opens a case).
QList<UnfinishedCall> unfinishedCallsFor(Store &store, const Profile &profile, const Actor &actor);

// The signed-in person's referrals of the last seven days that are no longer drafts, newest call first (at most 20).
QList<ReferralSummary> recentReferralsFor(Store &store, const Profile &profile, const Actor &actor);

} // namespace FrontDoor
