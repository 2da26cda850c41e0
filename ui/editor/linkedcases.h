#pragma once

#include "profile/profile.h"
#include "referral/referral.h"
#include "store/referralqueries.h"

namespace FrontDoor::LinkedCases {

// What the known-child check shows beside a child's card, one line per possible match.
QString matchLine(const PossibleMatch &match);

// Where the earlier referral a handler linked is an open case with an allocated worker, the routing the procedure
// asks for (LIN-R4, NOR-R2): the worker, how to reach them, and the profile's own words for the route. Empty when
// that case is closed or names no worker.
QString routingFor(const Referral &earlier, const Profile &profile);

// Copies the earlier case's open-case answers (open case, allocated worker, contact) into `next` where `next` has
// not addressed them yet — what the handler already recorded is never overwritten. True when anything changed.
bool takeOpenCase(Referral &next, const Referral &earlier);

// NOR-R4: the referral for the other child in a harm-by-another-child call, started from `from`: a draft that
// names `from` as its linked referral and says harm by another child, so neither child's record stands alone.
void linkOtherChild(Referral &draft, const QString &fromReference);

} // namespace FrontDoor::LinkedCases
