#pragma once

#include "common/result.h"
#include "calendar/workingcalendar.h"
#include "profile/profile.h"
#include "referral/referral.h"

#include <QDateTime>

namespace FrontDoor::ReferralImport {

// The marker of a person who acted in another Front Door: "u-sam (imported)". A local sign-in name never holds a
// space, so an imported record can never claim a local account acted.
QString importedPerson(const QString &userId);

// Why `referral` may not come into a database of `training` kind under `profile`, or empty when it may — the same
// rules the editor and submission meet (issue 16):
//  - its reference is the profile's own form, PREFIX-YYYY-NNNNNN (TRN-PREFIX-… for training), and its profile is
//    `profile`; a live reference never enters a training database, nor the reverse;
//  - no value the editor could never have stored (rules' valueProblems);
//  - a submitted record meets every must of the call (what `check` blocks, import refuses), a decided or closed one
//    the decision's musts too, and each outcome says who decided it and when — the signature it carries from there.
Status problems(const Referral &referral, const Profile &profile, bool training, const QDateTime &now);

// The referral as it is stored here: every person who acted there marked imported; a submitted or decided referral
// with no follow-up actions gets those submission sets, due from its own call (NOR-T4, LIN-T3 …), with those it has
// already met marked done.
Referral asStoredHere(Referral referral, const Profile &profile, const WorkingCalendar &calendar);

} // namespace FrontDoor::ReferralImport
