// Team mode (issue 19): another desk's change reaches every listening desk — by NOTIFY within about a second, and by
// the watchdog's catch-up when the listening connection was cut behind the driver's back.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "common/clock.h"
#include "store/changefeed.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

bool waitFor(const std::function<bool()> &condition, int msecs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

QString newDraft(Store &store, const Actor &actor)
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

void listen(ChangeFeed &feed, Heard &heard)
{
    QObject::connect(&feed, &ChangeFeed::changed, &feed, [&heard](const QList<ChangeFeed::Change> &changes) {
        for (const ChangeFeed::Change &change : changes)
            heard.references.append(change.reference);
    });
    QObject::connect(&feed, &ChangeFeed::connectionLost, &feed, [&heard] { ++heard.losses; });
}

} // namespace

TEST_CASE("Another desk's change reaches a listening desk by NOTIFY, and after its connection is cut, by catching up",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const QString samId = server.person(QStringLiteral("sam"));
    const ServerLogin sam{server.connection(), samId, QString::fromLatin1(PgServer::password)};
    Result<std::unique_ptr<Store>> carlDesk = Store::connect(ServerLogin{server.connection(),
                                                                         server.person(QStringLiteral("carl")),
                                                                         QString::fromLatin1(PgServer::password)},
                                                             clock,
                                                             Store::Options{});
    REQUIRE(carlDesk);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};

    // The poll is an hour away: only the server's notice can bring the change.
    ChangeFeed byNotice([&] { return Database::connect(sam); }, 3'600'000);
    Heard noticed;
    listen(byNotice, noticed);
    REQUIRE(byNotice.start());
    QElapsedTimer latency;
    latency.start();
    const QString first = newDraft(**carlDesk, carl);
    REQUIRE(waitFor([&] { return noticed.references.contains(first); }, 10'000));
    INFO("notice arrived after " << latency.elapsed() << " ms");
    CHECK(noticed.references.count(first) == 1); // created: one event, one notice

    // The watchdog's desk: its connection is ended by the server (as a restart or a dropped VPN would).
    ChangeFeed watched([&] { return Database::connect(sam); }, 200);
    Heard caught;
    listen(watched, caught);
    REQUIRE(watched.start());
    const PgServer::Psql cut = server.psql(
        QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '%1'")
            .arg(samId));
    CHECK(cut.out.toInt() >= 2);
    const QString whileAway = newDraft(**carlDesk, carl); // made while the desk listens on a dead connection
    REQUIRE(waitFor([&] { return caught.references.contains(whileAway); }, 15'000));
    CHECK(caught.losses == 1);
    CHECK(watched.reconnections() >= 1);
    CHECK(watched.isConnected());
    // After it listens again, the next change comes by notice as before.
    const QString after = newDraft(**carlDesk, carl);
    CHECK(waitFor([&] { return caught.references.contains(after); }, 10'000));
}

TEST_CASE("On a standalone file the feed reads another connection's changes at its poll", "[pg][issue19]")
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("frontdoor.sqlite"));
    FixedClock clock(testNow());
    Result<std::unique_ptr<Store>> desk = Store::open(path, clock);
    REQUIRE(desk);
    ChangeFeed feed([&] { return Database::open(path, Database::Options{true, false, {}, false, {}, {}}); }, 100);
    Heard heard;
    listen(feed, heard);
    REQUIRE(feed.start());
    const QString made = newDraft(**desk, Actor{QStringLiteral("u-handler"), Role::CallHandler});
    CHECK(waitFor([&] { return heard.references.contains(made); }, 10'000));
}
