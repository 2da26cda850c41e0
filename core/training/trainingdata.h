#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "profile/profile.h"

#include <QString>

namespace FrontDoor {

// What training mode (frontdoor --training) opens on the first time (issue 7): invented accounts, and a realistic
// queue of invented referrals over the last four weeks — drafts, submitted calls with their due times (some now
// overdue), urgent ones — made by the synthetic generator, through the real store so the history is real too.
namespace TrainingData {

// The accounts made for practice. Their password is printed on the sign-in screen in training mode: nothing
// here is real, and the file can never be opened as a live one.
inline constexpr char trainingPassword[] = "practise safely here";
inline constexpr char traineeName[] = "trainee";
inline constexpr char trainerName[] = "trainer";

// Fills a new training database at `path` with the accounts and `referrals` invented referrals: true when it did,
// false when the training database already had its accounts (it is left as it is). A live database is refused.
Result<bool> fill(const QString &path, const Profile &profile, int referrals, const QDateTime &now);

} // namespace TrainingData

} // namespace FrontDoor
