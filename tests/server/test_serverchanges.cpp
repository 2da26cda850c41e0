// Team mode (issue 19): another desk's change reaches every listening desk — by NOTIFY within about a second, and by
// the watchdog's catch-up when the listening connection was cut behind the driver's back.
#include "feedsupport.h"
#include "pgserver.h"

#include "common/clock.h"
#include "store/changefeed.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

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

TEST_CASE("A change committed after a later one is still heard once: by its notice, by the watchdog when its notice "
          "was lost, and a number never committed is given up",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes-order"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const ServerLogin sam{
        server.connection(), server.person(QStringLiteral("sam")), QString::fromLatin1(PgServer::password)};
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};

    // Another of Carl's connections writes a change and holds it uncommitted: its number is taken now, and it is seen
    // only at COMMIT — after the draft made below, whose number is higher.
    Result<std::unique_ptr<Database>> slow = server.signIn(QStringLiteral("carl"));
    REQUIRE(slow);
    QSqlDatabase held = (*slow)->connection();
    const auto hold = [&held](const QString &reference) {
        REQUIRE(held.transaction());
        QSqlQuery insert(held);
        REQUIRE(insert.exec(QStringLiteral("INSERT INTO frontdoor.events (kind, reference, at) "
                                           "VALUES ('urgent', '%1', '2026-12-02T10:00:00.000Z') RETURNING seq")
                                .arg(reference)));
        REQUIRE(insert.next());
        return insert.value(0).toLongLong();
    };

    ChangeFeed feed([&] { return Database::connect(sam); }, 200);
    Heard heard;
    listen(feed, heard);
    REQUIRE(feed.start());

    const qint64 first = hold(QStringLiteral("NOR-HELD-ONE"));
    const QString later = newDraft(*carlDesk, carl);
    REQUIRE(waitFor([&] { return heard.references.contains(later); }, 10'000));
    CHECK(waitFor([&] { return feed.gaps() == 1; }, 10'000)); // found at the tick's read: a notice moves nothing
    REQUIRE(held.commit());
    (*slow)->announce(first); // as a desk does once its commit has answered (server step 7)
    CHECK(waitFor([&] { return heard.references.contains(QStringLiteral("NOR-HELD-ONE")); }, 10'000));
    CHECK(waitFor([&] { return feed.gaps() == 0; }, 10'000));           // the tick's lookup reads it too
    CHECK(heard.references.count(QStringLiteral("NOR-HELD-ONE")) == 1); // a notice and a read: heard once

    // Its notice lost: the feed's connection is ended after the later change was heard, before the earlier commits.
    hold(QStringLiteral("NOR-HELD-TWO"));
    const QString laterStill = newDraft(*carlDesk, carl);
    REQUIRE(waitFor([&] { return heard.references.contains(laterStill); }, 10'000));
    const PgServer::Psql cut = server.psql(
        QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '%1'")
            .arg(sam.user));
    CHECK(cut.out.toInt() == 1);
    REQUIRE(held.commit());
    CHECK(waitFor([&] { return heard.references.contains(QStringLiteral("NOR-HELD-TWO")); }, 15'000));
    CHECK(heard.references.count(QStringLiteral("NOR-HELD-TWO")) == 1);
    CHECK(feed.reconnections() >= 1);

    // A change undone never fills its number: the feed looks for it until its patience runs out, then stops.
    feed.setGapPatience(500);
    hold(QStringLiteral("NOR-UNDONE"));
    const QString afterUndone = newDraft(*carlDesk, carl);
    REQUIRE(waitFor([&] { return heard.references.contains(afterUndone); }, 10'000));
    REQUIRE(waitFor([&] { return feed.gaps() == 1; }, 10'000));
    REQUIRE(held.rollback());
    CHECK(waitFor([&] { return feed.gaps() == 0; }, 10'000));
    CHECK_FALSE(heard.references.contains(QStringLiteral("NOR-UNDONE")));
    CHECK(feed.isConnected());
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

    // A number skipped is looked up at each poll (events.listed in SQLite's dialect), and heard when it appears.
    Result<std::unique_ptr<Database>> raw = Database::open(path, Database::Options{false, false, {}, false, {}, {}});
    REQUIRE(raw);
    const auto write = [&raw](qint64 seq, const QString &reference) {
        QSqlQuery insert((*raw)->connection());
        REQUIRE(insert.exec(QStringLiteral("INSERT INTO events (seq, kind, reference, at) "
                                           "VALUES (%1, 'urgent', '%2', '2026-12-02T10:00:00.000Z')")
                                .arg(seq)
                                .arg(reference)));
    };
    const qint64 newest = feed.lastSequence();
    write(newest + 2, QStringLiteral("NOR-SKIPPED-PAST"));
    REQUIRE(waitFor([&] { return heard.references.contains(QStringLiteral("NOR-SKIPPED-PAST")); }, 10'000));
    CHECK(feed.gaps() == 1);
    write(newest + 1, QStringLiteral("NOR-FILLED-LATE"));
    CHECK(waitFor([&] { return heard.references.contains(QStringLiteral("NOR-FILLED-LATE")); }, 10'000));
    CHECK(feed.gaps() == 0);
}

TEST_CASE("A change is announced by the desk that made it once its commit has answered, never by the commit: a save "
          "no longer waits for every other desk's flush under PostgreSQL's notice lock",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("changes-announced"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const ServerLogin sam{
        server.connection(), server.person(QStringLiteral("sam")), QString::fromLatin1(PgServer::password)};
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};
    ChangeFeed feed([&] { return Database::connect(sam); }, 3'600'000); // only a notice can bring a change
    Heard heard;
    listen(feed, heard);
    REQUIRE(feed.start());
    Result<std::unique_ptr<Database>> listener = Database::connect(sam);
    REQUIRE(listener);
    RawNotices raw(**listener);

    // A draft, then keystrokes going on with one answer (each one statement outside any transaction): every one of
    // them heard by notice, once.
    Result<StoredReferral> made = carlDesk->referrals().createDraft(norfolk(), carl);
    REQUIRE(made);
    Referral r = made->referral;
    qint64 revision = made->revision;
    for (const QString &typed : {QStringLiteral("Zo"), QStringLiteral("Zoë"), QStringLiteral("Zoë Invented")}) {
        clock.advance(1000);
        r.children[0].answers.insert(QStringLiteral("name"), Answer::given(typed));
        Result<SaveReceipt> saved = carlDesk->referrals().save(r, revision, carl);
        INFO(saved.errorMessage().toStdString());
        REQUIRE(saved);
        revision = saved->revision;
    }
    REQUIRE(waitFor([&] { return raw.of(r.reference) == 4; }, 10'000)); // created, then three keystrokes
    CHECK(waitFor([&] { return heard.references.count(r.reference) == 4; }, 10'000));
    CHECK(feed.gaps() == 0);
    CHECK(raw.payloads.constFirst().startsWith(u'[')); // [seq, kind, reference], as since step 6

    // The events table announces nothing itself: an event committed behind Front Door's back is heard only when
    // announced (or, by a desk, at its gap lookup or backstop poll).
    Result<std::unique_ptr<Database>> carlRaw = server.signIn(QStringLiteral("carl"));
    REQUIRE(carlRaw);
    const auto event = [&](const QString &reference) {
        QSqlQuery insert((*carlRaw)->connection());
        REQUIRE(insert.exec(QStringLiteral("INSERT INTO frontdoor.events (kind, reference, at) VALUES "
                                           "('saved', '%1', '2026-12-02T10:00:00.000Z') RETURNING seq")
                                .arg(reference)));
        REQUIRE(insert.next());
        return insert.value(0).toLongLong();
    };
    const qint64 quiet = event(QStringLiteral("NOR-QUIET"));
    idle(500);
    CHECK(raw.of(QStringLiteral("NOR-QUIET")) == 0);

    // Announced inside a transaction: sent once COMMIT has answered, not before. The announcer sees when (it
    // declines, so the connection sends them itself): PostgreSQL would hold back a notice sent inside the transaction
    // until its commit anyway, so only this shows it was not sent there, holding the notice lock across the flush.
    QList<qint64> handed;
    (*carlRaw)->setAnnouncer([&](const QList<qint64> &seqs) {
        handed.append(seqs);
        return false;
    });
    {
        WriteTransaction transaction(**carlRaw);
        REQUIRE(transaction.begin());
        (*carlRaw)->announce(quiet);
        idle(300);
        CHECK(handed.isEmpty());
        CHECK(raw.of(QStringLiteral("NOR-QUIET")) == 0);
        REQUIRE(transaction.commit());
        CHECK(handed == QList<qint64>{quiet});
    }
    CHECK(waitFor([&] { return raw.of(QStringLiteral("NOR-QUIET")) == 1; }, 10'000));

    // A transaction rolled back forgets what it was to announce: the next announcement sends its own number only.
    {
        WriteTransaction undone(**carlRaw);
        REQUIRE(undone.begin());
        (*carlRaw)->announce(quiet);
    }
    const qint64 next = event(QStringLiteral("NOR-NEXT"));
    (*carlRaw)->announce(next);
    REQUIRE(waitFor([&] { return raw.of(QStringLiteral("NOR-NEXT")) == 1; }, 10'000));
    idle(300);
    CHECK(raw.of(QStringLiteral("NOR-QUIET")) == 1);
    CHECK(handed == (QList<qint64>{quiet, next}));

    // An announcer that takes them: the connection sends nothing itself.
    (*carlRaw)->setAnnouncer([&](const QList<qint64> &seqs) {
        handed.append(seqs);
        return true;
    });
    const qint64 taken = event(QStringLiteral("NOR-TAKEN"));
    (*carlRaw)->announce(taken);
    CHECK(handed.constLast() == taken);
    idle(300);
    CHECK(raw.of(QStringLiteral("NOR-TAKEN")) == 0);

    // Announcing is the staff's who write, and tells no one anything the events table does not already show them.
    CHECK(server
              .psql(QStringLiteral("SELECT has_function_privilege('frontdoor_administrator', "
                                   "'frontdoor.announce_events(bigint[])', 'EXECUTE')"))
              .out.trimmed()
          == QStringLiteral("f"));
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'frontdoor.events'::regclass"))
              .out.trimmed()
          == QStringLiteral("0"));
}
