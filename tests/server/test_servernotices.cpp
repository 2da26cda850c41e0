// Team mode (issue 19): a notice is a hint, never the record. A forged one moves nothing; the notices a tick holds are
// confirmed by one digest instead of read back; the window's feed sends its desk's own notices from a thread of its
// own.
#include "feedsupport.h"
#include "pgserver.h"

#include "common/clock.h"
#include "store/changefeed.h"
#include "store/changefeedthread.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("A notice forged by anyone signed in to the server (NOTIFY needs no privilege) neither makes a desk deaf to "
          "the changes after it nor raises a false urgent flag, nor hides a real change that shares its number",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes-forged"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const ServerLogin sam{
        server.connection(), server.person(QStringLiteral("sam")), QString::fromLatin1(PgServer::password)};
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};
    ChangeFeed feed([&] { return Database::connect(sam); }, 3'600'000); // only notices, unless a test says otherwise
    QList<ChangeFeed::Change> delivered;
    QObject::connect(&feed, &ChangeFeed::changed, &feed, [&](const QList<ChangeFeed::Change> &changes) {
        delivered.append(changes);
    });
    REQUIRE(feed.start());
    const auto deliveredAs = [&](const QString &reference, const QString &kind) {
        return std::count_if(delivered.cbegin(), delivered.cend(), [&](const ChangeFeed::Change &c) {
            return c.reference == reference && c.kind == kind;
        });
    };

    // A call-handler's own connection, as psql would give them: notices with any number, kind and reference.
    Result<std::unique_ptr<Database>> forger = server.signIn(QStringLiteral("carl"));
    REQUIRE(forger);
    const auto forge = [&](const QString &payload) {
        QSqlQuery notify((*forger)->connection());
        REQUIRE(notify.exec(QStringLiteral("SELECT pg_notify('frontdoor_changes', '%1')").arg(payload)));
    };
    const qint64 next = feed.lastSequence() + 1;
    forge(QStringLiteral("[999999999, \"saved\", \"NOR-FORGED-FAR\"]"));            // far ahead of every real one
    forge(QStringLiteral("[%1, \"saved\", \"NOR-FORGED-NEXT\"]").arg(next));        // the next real number
    forge(QStringLiteral("[%1, \"urgent\", \"NOR-FORGED-URGENT\"]").arg(next + 1)); // a false urgent flag
    REQUIRE(
        waitFor([&] { return deliveredAs(QStringLiteral("NOR-FORGED-NEXT"), QStringLiteral("saved")) == 1; }, 10'000));
    CHECK(feed.lastSequence() == next - 1); // a notice moves nothing

    // The real changes that take those numbers are still heard, each once; the urgent flag only as the table shows.
    const QString real = newDraft(*carlDesk, carl);
    CHECK(waitFor([&] { return deliveredAs(real, QStringLiteral("created")) == 1; }, 10'000));
    Result<StoredReferral> second = carlDesk->referrals().createDraft(norfolk(), carl);
    REQUIRE(second);
    CHECK(waitFor([&] { return deliveredAs(second->referral.reference, QStringLiteral("created")) == 1; }, 10'000));
    idle(300);
    CHECK(deliveredAs(QStringLiteral("NOR-FORGED-URGENT"), QStringLiteral("urgent")) == 0);
    CHECK(deliveredAs(real, QStringLiteral("created")) == 1);

    // A real urgent flag is delivered: the table shows it (its notice as the desk that made it sends it).
    Result<std::unique_ptr<Database>> writer = server.signIn(QStringLiteral("carl"));
    REQUIRE(writer);
    QSqlQuery urgent((*writer)->connection());
    REQUIRE(urgent.exec(QStringLiteral("INSERT INTO frontdoor.events (kind, reference, at) VALUES ('urgent', '%1', "
                                       "'2026-12-02T10:00:00.000Z') RETURNING seq")
                            .arg(real)));
    REQUIRE(urgent.next());
    (*writer)->announce(urgent.value(0).toLongLong());
    CHECK(waitFor([&] { return deliveredAs(real, QStringLiteral("urgent")) == 1; }, 10'000));
}

TEST_CASE("At a tick the feed moves past what its notices brought on one digest of them, and reads everything back "
          "when a notice among them was forged or one is missing",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes-digest"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const ServerLogin sam{
        server.connection(), server.person(QStringLiteral("sam")), QString::fromLatin1(PgServer::password)};
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};
    ChangeFeed feed([&] { return Database::connect(sam); }, 3'600'000); // ticks only as the test calls check()
    QList<ChangeFeed::Change> delivered;
    QObject::connect(&feed, &ChangeFeed::changed, &feed, [&](const QList<ChangeFeed::Change> &changes) {
        delivered.append(changes);
    });
    feed.setSettle(0); // every notice held is confirmed at the next tick, until the last part says otherwise
    REQUIRE(feed.start());
    const auto deliveredAs = [&](const QString &reference, const QString &kind) {
        return std::count_if(delivered.cbegin(), delivered.cend(), [&](const ChangeFeed::Change &c) {
            return c.reference == reference && c.kind == kind;
        });
    };
    Result<std::unique_ptr<Database>> carlsOwn = server.signIn(QStringLiteral("carl")); // as psql would give him
    REQUIRE(carlsOwn);
    const auto newestStored = [&] {
        QSqlQuery latest((*carlsOwn)->connection());
        REQUIRE(latest.exec(QStringLiteral("SELECT max(seq) FROM frontdoor.events")));
        REQUIRE(latest.next());
        return latest.value(0).toLongLong();
    };

    { // every change brought by its notice: one digest and the feed is past them, nothing delivered twice
        const qint64 started = feed.lastSequence();
        QStringList made;
        for (int i = 0; i < 3; ++i)
            made.append(newDraft(*carlDesk, carl));
        REQUIRE(waitFor(
            [&] {
                return std::all_of(made.cbegin(), made.cend(), [&](const QString &r) {
                    return deliveredAs(r, QStringLiteral("created")) == 1;
                });
            },
            10'000));
        CHECK(feed.lastSequence() == started); // a notice alone moves nothing
        const qsizetype before = delivered.size();
        feed.check();
        CHECK(feed.confirmations() == 1);
        CHECK(feed.lastSequence() == newestStored());
        CHECK(feed.gaps() == 0);
        CHECK(delivered.size() == before);
        feed.check(); // nothing held: nothing to confirm
        CHECK(feed.confirmations() == 1);
    }
    { // a forged notice on the next number: the digest differs and the real change is read and heard
        const qint64 next = feed.lastSequence() + 1;
        QSqlQuery notify((*carlsOwn)->connection());
        REQUIRE(notify.exec(
            QStringLiteral("SELECT pg_notify('frontdoor_changes', '[%1, \"saved\", \"NOR-FORGED-NEXT\"]')").arg(next)));
        REQUIRE(waitFor([&] { return deliveredAs(QStringLiteral("NOR-FORGED-NEXT"), QStringLiteral("saved")) == 1; },
                        10'000));
        const QString real = newDraft(*carlDesk, carl);
        REQUIRE(waitFor([&] { return deliveredAs(real, QStringLiteral("created")) == 1; }, 10'000));
        feed.check();
        CHECK(feed.confirmations() == 1); // unchanged
        CHECK(feed.lastSequence() == newestStored());
        CHECK(deliveredAs(real, QStringLiteral("created")) == 1);
    }
    { // a forged notice far ahead: the count differs and the feed stays at what it read
        QSqlQuery notify((*carlsOwn)->connection());
        REQUIRE(notify.exec(QStringLiteral("SELECT pg_notify('frontdoor_changes', '[%1, \"saved\", \"NOR-FAR\"]')")
                                .arg(feed.lastSequence() + 50)));
        REQUIRE(waitFor([&] { return deliveredAs(QStringLiteral("NOR-FAR"), QStringLiteral("saved")) == 1; }, 10'000));
        feed.check();
        CHECK(feed.confirmations() == 1); // unchanged
        CHECK(feed.lastSequence() == newestStored());
        const QString after = newDraft(*carlDesk, carl); // takes a number the forgery did not make it skip
        REQUIRE(waitFor([&] { return deliveredAs(after, QStringLiteral("created")) == 1; }, 10'000));
        feed.check();
        CHECK(feed.confirmations() == 2);
        CHECK(feed.lastSequence() == newestStored());
    }
    { // a change whose notice never came, below one that did: the digest differs and the tick reads it
        QSqlQuery silent((*carlsOwn)->connection()); // a desk that died between its commit and its notice
        REQUIRE(silent.exec(QStringLiteral("INSERT INTO frontdoor.events (kind, reference, at) VALUES ('saved', "
                                           "'NOR-SILENT', '2026-12-02T10:00:00.000Z')")));
        const QString announced = newDraft(*carlDesk, carl);
        REQUIRE(waitFor([&] { return deliveredAs(announced, QStringLiteral("created")) == 1; }, 10'000));
        CHECK(deliveredAs(QStringLiteral("NOR-SILENT"), QStringLiteral("saved")) == 0);
        feed.check();
        CHECK(feed.confirmations() == 2); // unchanged
        CHECK(deliveredAs(QStringLiteral("NOR-SILENT"), QStringLiteral("saved")) == 1);
        CHECK(deliveredAs(announced, QStringLiteral("created")) == 1);
        CHECK(feed.lastSequence() == newestStored());
    }
    { // notices still coming: the tick confirms those held a moment and reads nothing back, so a change whose
      // notice was lost among them is read at the tick after, when the digest over it differs
        feed.setSettle(1000);
        const QString early = newDraft(*carlDesk, carl);
        REQUIRE(waitFor([&] { return deliveredAs(early, QStringLiteral("created")) == 1; }, 10'000));
        idle(1100);
        QSqlQuery silent((*carlsOwn)->connection());
        REQUIRE(silent.exec(QStringLiteral("INSERT INTO frontdoor.events (kind, reference, at) VALUES ('saved', "
                                           "'NOR-SILENT-TOO', '2026-12-02T10:00:00.000Z') RETURNING seq")));
        REQUIRE(silent.next());
        const qint64 silentSeq = silent.value(0).toLongLong();
        const QString late = newDraft(*carlDesk, carl);
        REQUIRE(waitFor([&] { return deliveredAs(late, QStringLiteral("created")) == 1; }, 10'000));
        feed.check();
        CHECK(feed.confirmations() == 3);
        CHECK(feed.lastSequence() < silentSeq); // past the early one only
        CHECK(deliveredAs(QStringLiteral("NOR-SILENT-TOO"), QStringLiteral("saved")) == 0);
        idle(1100);
        feed.check();
        CHECK(feed.confirmations() == 3);
        CHECK(deliveredAs(QStringLiteral("NOR-SILENT-TOO"), QStringLiteral("saved")) == 1);
        CHECK(feed.lastSequence() == newestStored());
    }
}

TEST_CASE("The window's feed runs on a thread of its own and sends the notices of its desk's own changes, so a save "
          "returns without waiting for every listening desk to be woken, and once the feed is gone the desk sends them",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes-thread"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const ServerLogin carlLogin{
        server.connection(), server.person(QStringLiteral("carl")), QString::fromLatin1(PgServer::password)};
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};
    Result<std::unique_ptr<Database>> listener = server.signIn(QStringLiteral("sam"));
    REQUIRE(listener);
    RawNotices raw(**listener);

    auto feedThread = std::make_unique<ChangeFeedThread>([&] { return Database::connect(carlLogin); }, 3'600'000);
    QStringList heardHere;
    bool onWindowThread = true;
    QObject::connect(feedThread->feed(),
                     &ChangeFeed::changed,
                     QCoreApplication::instance(), // the window's thread: queued there
                     [&](const QList<ChangeFeed::Change> &changes) {
                         onWindowThread = onWindowThread && QThread::currentThread() == qApp->thread();
                         for (const ChangeFeed::Change &change : changes)
                             heardHere.append(change.reference);
                     });
    REQUIRE(feedThread->start());
    CHECK(feedThread->feed()->thread() != qApp->thread());
    int takenByFeed = 0; // the feed's announcer, counted: what it takes, the desk's connection does not send
    carlDesk->database().setAnnouncer([&, announcer = feedThread->feed()->announcer()](const QList<qint64> &seqs) {
        const bool taken = announcer(seqs);
        takenByFeed += taken ? 1 : 0;
        return taken;
    });

    // Carl's draft: announced by his feed (its own connection, on its thread), heard by another desk and by his own
    // window, on the window's thread.
    const QString first = newDraft(*carlDesk, carl);
    CHECK(takenByFeed == 1);
    CHECK(waitFor([&] { return raw.of(first) == 1; }, 10'000));
    CHECK(waitFor([&] { return heardHere.contains(first); }, 10'000));
    CHECK(onWindowThread);

    // The feed gone (the window closed, the program signing out): the announcer declines and the desk's own
    // connection sends the notice, as before there was one.
    feedThread.reset();
    const QString second = newDraft(*carlDesk, carl);
    CHECK(takenByFeed == 1);
    CHECK(waitFor([&] { return raw.of(second) == 1; }, 10'000));
    CHECK(raw.of(first) == 1); // each once
}
