#pragma once

#include "profile/profile.h"
#include "store/store.h"

#include <QStringList>
#include <QTextStream>

// Fills a store with invented referrals for the benchmarks, through the real repository (create a draft, save the
// whole referral) with synchronous=OFF to save time; measurements afterwards run with the store's own settings.
namespace FrontDoorBench {

struct Seeded
{
    QStringList references; // every 97th, for look-ups
    QStringList names;
    QStringList births;
};

// `total` referrals, five minutes apart, ending now; with `dueTimes`, each also carries the follow-up actions it
// would have at submission, so the queue has due times to order by.
FrontDoor::Result<Seeded> seed(FrontDoor::Store &store, const FrontDoor::Profile &profile, const FrontDoor::Actor &actor,
                               int total, bool dueTimes, QTextStream &progress);

} // namespace FrontDoorBench
