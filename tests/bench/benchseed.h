#pragma once

#include "common/clock.h"
#include "profile/profile.h"
#include "store/store.h"

#include <QStringList>
#include <QTextStream>

// Fills a store with invented referrals for the benchmarks, through the real repository (create a draft, save the
// whole referral) with synchronous=OFF and a thousand referrals to a commit to save time; measurements afterwards
// run with the store's own settings.
namespace FrontDoorBench {

struct Seeded
{
    QStringList references; // every 97th, for look-ups
    QStringList names;
    QStringList births;
};

// `total` referrals, five minutes apart, ending now; with `dueTimes`, each also carries the follow-up actions it
// would have at submission, so the queue has due times to order by. With `callTimes` (the store's own clock), each
// call is taken at its own time: started, created and audited five minutes after the one before, so a four-week
// dashboard at a million referrals reads four weeks' calls, as a front door's would, not all of them.
FrontDoor::Result<Seeded> seed(FrontDoor::Store &store,
                               const FrontDoor::Profile &profile,
                               const FrontDoor::Actor &actor,
                               int total,
                               bool dueTimes,
                               QTextStream &progress,
                               FrontDoor::FixedClock *callTimes = nullptr);

// The referrals the measurements look up in a store already seeded: every 97th by id, with its first child's name
// and date of birth (what seed() returns, read back).
FrontDoor::Result<Seeded> describe(FrontDoor::Store &store);

// `total` referrals at `path`, seeded once and kept (issue 21: a million take long to seed even in batches). The
// first run for a given count, schema and seed format seeds through the real store and keeps a copy in
// $BENCH_SEED_CACHE (default ~/.cache/frontdoor-bench); later runs copy it (one kept by an earlier schema is upgraded
// by the store as it opens, as a desk's file would be). Below 100,000 it always seeds afresh.
FrontDoor::Result<Seeded> seededFile(const QString &path,
                                     const FrontDoor::Store::Options &options,
                                     const FrontDoor::Profile &profile,
                                     const FrontDoor::Actor &actor,
                                     int total,
                                     QTextStream &progress);

} // namespace FrontDoorBench
