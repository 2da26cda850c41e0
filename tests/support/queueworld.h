#pragma once

#include "common/clock.h"
#include "store/referralqueries.h"
#include "store/store.h"

#include <functional>

// A varied queue for the filter tests (issue 21): the same invented referrals on SQLite and on the server, and what
// each filter must find, worked out here from the referrals themselves — never by asking the queries under test.
namespace FrontDoorTest {

struct QueueRow
{
    QString reference;
    QString profileId;
    QString handler;
    FrontDoor::ReferralStatus status = FrontDoor::ReferralStatus::Draft;
    bool urgent = false;
    QDateTime nextDue;
    QDateTime createdAt;
};

struct QueueWorld
{
    // 24 referrals a minute apart from `clock`'s time: both front doors, two handlers, some urgent (a triage yes),
    // some with a due follow-up (past or future), some submitted (with their planned actions), some discarded.
    // `storeOf(actor)` is the store that actor saves through (one file, or each person's own server connection).
    static QueueWorld make(const std::function<FrontDoor::Store &(const FrontDoor::Actor &)> &storeOf,
                           const FrontDoor::Actor &first,
                           const FrontDoor::Actor &second,
                           FrontDoor::FixedClock &clock);

    // Every combination of the eight filters, each set filter given one of two values: 512 filters.
    QList<FrontDoor::ReferralFilter> everyFilter(const QDateTime &now) const;
    // The references `filter` must list, in the queue's order (urgent first, then next due, undated last, then the
    // order made); its paging left out.
    QStringList expected(const FrontDoor::ReferralFilter &filter) const;
    // A filter in words, for failure messages.
    static std::string describe(const FrontDoor::ReferralFilter &filter);

    QList<QueueRow> rows; // in the order made
    QStringList handlers;
};

} // namespace FrontDoorTest
