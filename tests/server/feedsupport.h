// What the change-feed tests share (issue 19): waiting on the event loop, a desk's draft, what a feed delivered, and
// every notice on the channel as the server sends it.
#pragma once

#include "support/referralbuilder.h"

#include "store/changefeed.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDriver>

#include <catch2/catch.hpp>

#include <functional>

namespace FrontDoorTest {

using namespace FrontDoor;

inline bool waitFor(const std::function<bool()> &condition, int msecs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

inline QString newDraft(Store &store, const Actor &actor)
{
    Result<StoredReferral> made = store.referrals().createDraft(norfolk(), actor);
    INFO(made.errorMessage().toStdString());
    REQUIRE(made);
    return made->referral.reference;
}

struct Heard
{
    QStringList references;
    int losses = 0;
};

inline void listen(ChangeFeed &feed, Heard &heard)
{
    QObject::connect(&feed, &ChangeFeed::changed, &feed, [&heard](const QList<ChangeFeed::Change> &changes) {
        for (const ChangeFeed::Change &change : changes)
            heard.references.append(change.reference);
    });
    QObject::connect(&feed, &ChangeFeed::connectionLost, &feed, [&heard] { ++heard.losses; });
}

// Every notice on the channel as the server sends it, on a connection of its own (no ChangeFeed between: it hears
// each number once, and a notice sent twice would not show).
struct RawNotices
{
    explicit RawNotices(Database &listener)
        : driver(listener.connection().driver())
    {
        QObject::connect(driver,
                         &QSqlDriver::notification,
                         driver,
                         [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                             payloads.append(payload.toString());
                         });
        REQUIRE(driver->subscribeToNotification(QString::fromLatin1(ChangeFeed::channel)));
    }
    // The notices naming `reference`.
    qsizetype of(const QString &reference) const
    {
        return std::count_if(
            payloads.cbegin(), payloads.cend(), [&](const QString &p) { return p.contains(u'"' + reference + u'"'); });
    }
    QSqlDriver *driver;
    QStringList payloads;
};

inline void idle(int msecs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace FrontDoorTest
