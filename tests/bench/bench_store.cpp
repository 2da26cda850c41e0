// The store at scale: N referrals (default 100,000) of invented people in a temporary database, then the figures
// issue 4 asks for. Prints; asserts nothing about time. Usage: bench_store [N] [--server] [--encrypted]
// --server: then the same N referrals and measurements on a PostgreSQL 15 cluster it starts, side by side (issue 19).
// --encrypted: and in a second file sealed by the encrypting VFS, side by side with plaintext (issue 20).
//
// Seeding (benchseed.h) goes through the real repository with synchronous=OFF to save time; every measurement below
// runs with the store's own settings (WAL, synchronous=FULL).

#include "benchseed.h"
#include "commonmeasures.h"
#include "profile/profileloader.h"
#include "store/anchorlog.h"
#include "store/auditverifier.h"
#include "store/backgroundcheck.h"
#include "store/serveraccounts.h"
#include "store/serversetup.h"
#include "store/store.h"

#include "bareinserts.h"
#include "benchcluster.h"
#include "benchsamples.h"
#include "filesize.h"
#include "saveprofile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

using namespace FrontDoor;

namespace {

QTextStream out(stdout);

using FrontDoorBench::Common;
using FrontDoorBench::Samples;

void line(const QString &what, Samples &s, const QString &target = {})
{
    out << QStringLiteral("%1 p50 %2 ms  p95 %3 ms  p99 %4 ms%5\n")
               .arg(what, -34)
               .arg(s.at(0.50), 8, 'f', 3)
               .arg(s.at(0.95), 8, 'f', 3)
               .arg(s.at(0.99), 8, 'f', 3)
               .arg(target.isEmpty() ? QString() : QStringLiteral("   (target %1)").arg(target));
    out.flush();
}

// Team mode (issue 19): the same referrals, the same measurements through the same store on a PostgreSQL 15 cluster
// this program starts on loopback, printed beside SQLite's. The floor is a bare PostgreSQL insert + commit of a
// referral-sized row, as SQLite's is a bare sqlite3 one.
bool benchServer(const QTemporaryDir &dir,
                 int total,
                 const Profile &profile,
                 Common &lite,
                 Samples &liteBare,
                 double liteVerifySeconds,
                 qint64 liteBytesPerReferral)
{
    FrontDoorBench::Cluster cluster;
    cluster.dir = dir.filePath(QStringLiteral("pg"));
    out << "\nbench_store --server: the same " << total << " referrals on a PostgreSQL 15 cluster on loopback\n";
    out.flush();
    if (!FrontDoorBench::startCluster(cluster))
        return false;
    const auto stop = qScopeGuard([&cluster] { FrontDoorBench::stopCluster(cluster); });
    const QString password = QStringLiteral("a long enough bench password");
    const Actor actor{QStringLiteral("bench.supervisor"), Role::Supervisor};
    {
        Result<std::unique_ptr<Database>> dba
            = Database::connectForSetup(ServerLogin{cluster.connection(), cluster.superuser, cluster.password});
        if (!dba || !ServerSetup::init(**dba)) {
            out << "server init failed\n";
            return false;
        }
        ServerAccounts accounts(**dba, Clock::system());
        if (Result<Account> a = accounts.create(actor.userId, QStringLiteral("Bench"), Role::Supervisor, password);
            !a) {
            out << "account: " << a.errorMessage() << '\n';
            return false;
        }
        QSqlQuery floorTable((*dba)->connection());
        floorTable.exec(QStringLiteral("CREATE TABLE public.floor (id bigserial PRIMARY KEY, body text NOT NULL); "
                                       "GRANT INSERT ON public.floor TO frontdoor_staff; GRANT USAGE ON SCHEMA public "
                                       "TO frontdoor_staff; GRANT USAGE ON SEQUENCE public.floor_id_seq TO "
                                       "frontdoor_staff"));
    }
    const ServerLogin login{cluster.connection(), actor.userId, password};
    QStringList references, names, births;
    {
        FixedClock callTimes(QDateTime::currentDateTimeUtc());
        std::unique_ptr<Store> seeding = std::move(Store::connect(login, callTimes, Store::Options{}).value());
        QElapsedTimer seeded;
        seeded.start();
        Result<FrontDoorBench::Seeded> made
            = FrontDoorBench::seed(*seeding, profile, actor, total, false, out, &callTimes);
        if (!made) {
            out << "seeding failed: " << made.errorMessage() << '\n';
            return false;
        }
        out << "  seeded in " << seeded.elapsed() / 1000 << " s\n";
        // What autovacuum does within a minute of so many new rows (its naptime): the planner's statistics and the
        // visibility map. Measured at once without them, the server read every one of the desk's drafts and sorted
        // them for a page of 50 (12.7 ms against 0.02 on SQLite at 20,000), where with them it walks the queue's
        // index as SQLite does.
        if (Result<std::unique_ptr<Database>> dba
            = Database::connectForSetup(ServerLogin{cluster.connection(), cluster.superuser, cluster.password})) {
            QElapsedTimer vacuuming;
            vacuuming.start();
            if (QSqlQuery((*dba)->connection()).exec(QStringLiteral("VACUUM (ANALYZE)")))
                out << "  VACUUM (ANALYZE) after the seed, as autovacuum would: " << vacuuming.elapsed() / 1000
                    << " s\n";
        }
        references = made->references;
        names = made->names;
        births = made->births;
    }
    QElapsedTimer opening;
    opening.start();
    Result<std::unique_ptr<Store>> connected = Store::connect(login, Clock::system(), Store::Options{});
    const double connectMs = double(opening.nsecsElapsed()) / 1e6;
    if (!connected) {
        out << "connect failed: " << connected.errorMessage() << '\n';
        return false;
    }
    Store &store = **connected;
    QRandomGenerator random(4242);
    Common server;
    // The server's desk is its one login, who made the seed: the server's planner has its statistics (autovacuum's
    // ANALYZE) and reads that person's drafts in the queue's order.
    QSqlQuery insert(store.database().connection());
    insert.prepare(QStringLiteral("INSERT INTO public.floor (body) VALUES (:body)"));
    server.floorBetweenSaves = [&insert](int bytes) -> qint64 {
        const QString body(bytes, u'x');
        QElapsedTimer one;
        one.start();
        insert.bindValue(QStringLiteral(":body"), body);
        return insert.exec() ? one.nsecsElapsed() : -1;
    };
    if (!FrontDoorBench::measureCommon(store, out, profile, actor, references, names, births, random, server))
        return false;
    insert.finish();
    Samples &floor = server.floor;
    QElapsedTimer verifying;
    verifying.start();
    const Result<AuditVerifier::Report> verified = AuditVerifier::verify(store.database());
    const double verifySeconds = double(verifying.nsecsElapsed()) / 1e9;
    QSqlQuery size(store.database().connection());
    const qint64 bytes = size.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && size.next()
                             ? size.value(0).toLongLong()
                             : 0;

    const auto row = [](const QString &what, Samples &sqlite, Samples &pg) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(what, -28)
                   .arg(sqlite.at(0.50), 9, 'f', 2)
                   .arg(sqlite.at(0.95), 9, 'f', 2)
                   .arg(sqlite.at(0.99), 9, 'f', 2)
                   .arg(pg.at(0.50), 9, 'f', 2)
                   .arg(pg.at(0.95), 9, 'f', 2)
                   .arg(pg.at(0.99), 9, 'f', 2);
    };
    out << QStringLiteral("\n%1 %2 %3\n")
               .arg(QString(), -28)
               .arg(QStringLiteral("SQLite (ms)"), -29)
               .arg(QStringLiteral("PostgreSQL, loopback (ms)"));
    out << QStringLiteral("%1 %2 %3 %4 %2 %3 %4\n")
               .arg(QString(), -28)
               .arg(QStringLiteral("p50"), 9)
               .arg(QStringLiteral("p95"), 9)
               .arg(QStringLiteral("p99"), 9);
    row(QStringLiteral("save (typing)"), lite.saves, server.saves);
    row(QStringLiteral("bare insert+commit (floor)"), liteBare, floor);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("save / floor at p99"), -28)
               .arg(lite.saves.at(0.99) / std::max(0.001, liteBare.at(0.99)), 29, 'f', 2)
               .arg(server.saves.at(0.99) / std::max(0.001, floor.at(0.99)), 29, 'f', 2);
    row(QStringLiteral("open one case"), lite.opens, server.opens);
    row(QStringLiteral("search"), lite.searches, server.searches);
    row(QStringLiteral("possible match"), lite.matches, server.matches);
    row(QStringLiteral("queue first page (50)"), lite.firstPage, server.firstPage);
    row(QStringLiteral("queue, mine + drafts (50)"), lite.filteredPage, server.filteredPage);
    row(QStringLiteral("home screen's 5 questions"), lite.home, server.home);
    row(QStringLiteral("dashboard, four weeks"), lite.dashboard, server.dashboard);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("verify-audit, everything (s)"), -28)
               .arg(liteVerifySeconds, 29, 'f', 2)
               .arg(verifySeconds, 29, 'f', 2);
    out << QStringLiteral("%1 %2 %3   (the server: %4)\n")
               .arg(QStringLiteral("bytes per referral"), -28)
               .arg(liteBytesPerReferral, 29)
               .arg(bytes / (total + 1), 29)
               .arg(verified ? (verified->intact() ? QStringLiteral("verified intact") : verified->summary().left(200))
                             : verified.errorMessage());
    out << QStringLiteral("%1 %2 ms to sign in (connect, schema check, spool)\n")
               .arg(QStringLiteral("connect"), -28)
               .arg(connectMs, 0, 'f', 1);
    out << QStringLiteral("search hits averaged %1 (SQLite %2): the same referrals and the same questions\n")
               .arg(double(server.hits) / 300.0, 0, 'f', 1)
               .arg(double(lite.hits) / 300.0, 0, 'f', 1);
    int differing = 0;
    for (int i = 0; i < std::min(lite.queries.size(), server.queries.size()); ++i)
        if (lite.hitsEach.at(i) != server.hitsEach.at(i) && ++differing <= 5)
            out << QStringLiteral("  search \"%1\" (invented): SQLite %2 hits, PostgreSQL %3\n")
                       .arg(lite.queries.at(i))
                       .arg(lite.hitsEach.at(i))
                       .arg(server.hitsEach.at(i));
    out << QStringLiteral("searches answered differently: %1 of %2\n").arg(differing).arg(lite.queries.size());
    return true;
}

// Encryption at rest (issue 20): the same N referrals in a second file sealed by the encrypting VFS, measured the
// same way in the same run (the same random choices), printed beside the plaintext figures.
bool benchEncrypted(const QTemporaryDir &dir,
                    int total,
                    const Profile &profile,
                    const Actor &actor,
                    QRandomGenerator random,
                    Common &plain,
                    Samples &plainOpen)
{
    const QString path = dir.filePath(QStringLiteral("sealed.sqlite"));
    Store::Options sealed;
    sealed.sealing = SealingKey::generate(SealingKey::newFileId());
    QStringList references, names, births;
    {
        FixedClock callTimes(QDateTime::currentDateTimeUtc());
        Result<std::unique_ptr<Store>> store = Store::open(path, callTimes, sealed);
        if (!store) {
            out << "encrypted store: " << store.errorMessage() << '\n';
            return false;
        }
        Result<FrontDoorBench::Seeded> seeded
            = FrontDoorBench::seed(**store, profile, actor, total, false, out, &callTimes);
        if (!seeded) {
            out << "seeding failed: " << seeded.errorMessage() << '\n';
            return false;
        }
        references = seeded->references;
        names = seeded->names;
        births = seeded->births;
    }
    Samples open;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        if (!Store::open(path, Clock::system(), sealed))
            return false;
        open.add(t.nsecsElapsed());
    }
    std::unique_ptr<Store> store = std::move(Store::open(path, Clock::system(), sealed).value());
    Common enc;
    if (!FrontDoorBench::measureCommon(
            *store, out, profile, Actor{QStringLiteral("u-desk")}, references, names, births, random, enc))
        return false;
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();

    out << "\nbench_store --encrypted: the same " << total << " referrals in a file sealed by the encrypting VFS\n\n";
    out << QStringLiteral("%1%2%3\n")
               .arg(QString(), -29)
               .arg(QStringLiteral("plaintext (ms)"), -30)
               .arg(QStringLiteral("encrypted (ms)"));
    out << QStringLiteral("%1%2%3%4%5%6%7\n")
               .arg(QString(), -29)
               .arg(QStringLiteral("p50"), 6)
               .arg(QStringLiteral("p95"), 10)
               .arg(QStringLiteral("p99"), 10)
               .arg(QStringLiteral("p50"), 10)
               .arg(QStringLiteral("p95"), 10)
               .arg(QStringLiteral("p99"), 10);
    const auto row = [](const QString &what, Samples &a, Samples &b) {
        out << QStringLiteral("%1%2%3%4%5%6%7\n")
                   .arg(what, -29)
                   .arg(a.at(0.5), 6, 'f', 2)
                   .arg(a.at(0.95), 10, 'f', 2)
                   .arg(a.at(0.99), 10, 'f', 2)
                   .arg(b.at(0.5), 10, 'f', 2)
                   .arg(b.at(0.95), 10, 'f', 2)
                   .arg(b.at(0.99), 10, 'f', 2);
    };
    row(QStringLiteral("save (typing)"), plain.saves, enc.saves);
    row(QStringLiteral("open one case"), plain.opens, enc.opens);
    row(QStringLiteral("search"), plain.searches, enc.searches);
    row(QStringLiteral("possible match"), plain.matches, enc.matches);
    row(QStringLiteral("queue first page (50)"), plain.firstPage, enc.firstPage);
    row(QStringLiteral("open store with quick_check"), plainOpen, open);
    out << QStringLiteral("encrypted / plaintext: save p99 %1x (aim <= 1.3x), save p50 %2x, search p95 %3x (aim <= "
                          "1.5x), possible match p95 %4x\n")
               .arg(enc.saves.at(0.99) / std::max(0.001, plain.saves.at(0.99)), 0, 'f', 2)
               .arg(enc.saves.at(0.5) / std::max(0.001, plain.saves.at(0.5)), 0, 'f', 2)
               .arg(enc.searches.at(0.95) / std::max(0.001, plain.searches.at(0.95)), 0, 'f', 2)
               .arg(enc.matches.at(0.95) / std::max(0.001, plain.matches.at(0.95)), 0, 'f', 2);
    out << QStringLiteral("encrypted file: %1 bytes per referral; search hits %2 (plaintext %3)\n")
               .arg(bytes / (total + 1))
               .arg(enc.hits)
               .arg(plain.hits);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int total = args.size() > 1 ? std::max(100, args.at(1).toInt()) : 100'000;
    QTemporaryDir dir;
    dir.setAutoRemove(!qEnvironmentVariableIsSet("BENCH_KEEP")); // BENCH_KEEP=1 leaves the database to inspect
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    const Profile profile = ProfileLoader::byId(QStringLiteral("norfolk-cads")).value();
    const Actor actor{QStringLiteral("u-bench")};
    QRandomGenerator random(4242);

    out << "bench_store: " << total << " referrals in " << path << "\n";
    QStringList references;
    QStringList names;
    QStringList births;
    {
        Store::Options asTheWindow; // checkpoints between saves (issue 21)
        asTheWindow.checkpointBetweenSaves = true;
        Result<FrontDoorBench::Seeded> seeded
            = FrontDoorBench::seededFile(path, asTheWindow, profile, actor, total, out);
        if (!seeded) {
            out << "seeding failed: " << seeded.errorMessage() << '\n';
            return 2;
        }
        references = seeded->references;
        names = seeded->names;
        births = seeded->births;
    }

    // Opening: with and without quick_check.
    Samples openChecked;
    Samples openUnchecked;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        Store::open(path, Clock::system(), Store::Options{}).value();
        openChecked.add(t.nsecsElapsed());
        Store::Options fast;
        fast.quickCheck = false;
        t.restart();
        Store::open(path, Clock::system(), fast).value();
        openUnchecked.add(t.nsecsElapsed());
    }
    Store::Options asTheWindow; // checkpoints between saves (issue 21)
    asTheWindow.checkpointBetweenSaves = true;
    std::unique_ptr<Store> store = std::move(Store::open(path, Clock::system(), asTheWindow).value());

    // The seed's writes reach the disk before anything is timed: a million referrals copied or upgraded leave
    // gigabytes for the kernel to write back, and every commit's fsync would wait behind them.
    QElapsedTimer syncing;
    syncing.start();
    ::sync();
    out << QStringLiteral("  the seed's writes flushed to the disk (sync) in %1 s\n")
               .arg(double(syncing.nsecsElapsed()) / 1e9, 0, 'f', 1);

    Common common;
    BareInserts bareInserts(dir.filePath(QStringLiteral("bare.sqlite")));
    common.floorBetweenSaves = [&bareInserts](int bytes) {
        return bareInserts.one(bytes);
    };
    const QRandomGenerator randomAtStart = random; // the encrypted run makes the same choices
    if (!FrontDoorBench::measureCommon(
            *store, out, profile, Actor{QStringLiteral("u-desk")}, references, names, births, random, common))
        return 2;
    Samples &bare = common.floor;

    out << '\n';
    line(QStringLiteral("save (typing, WAL+FULL)"), common.saves);
    line(QStringLiteral("bare sqlite3 insert+commit, each"), bare);
    out << QStringLiteral("  (the bare insert: a row as long as the saved document, after each save, same folder)\n");
    out << QStringLiteral("%1 %2 x (p50), %3 x (p99)   (target <= 2x)\n")
               .arg(QStringLiteral("save / bare"), -34)
               .arg(common.saves.at(0.5) / std::max(0.001, bare.at(0.5)), 0, 'f', 2)
               .arg(common.saves.at(0.99) / std::max(0.001, bare.at(0.99)), 0, 'f', 2);
    line(QStringLiteral("open one case"), common.opens);
    line(QStringLiteral("search"), common.searches, QStringLiteral("p95 <= 50 ms"));
    line(QStringLiteral("possible match"), common.matches, QStringLiteral("p95 <= 30 ms"));
    line(QStringLiteral("queue first page (50)"), common.firstPage);
    line(QStringLiteral("queue, mine + drafts (50)"), common.filteredPage);
    line(QStringLiteral("home screen's 5 questions"), common.home, QStringLiteral("window <= 1 s"));
    line(QStringLiteral("dashboard, four weeks"), common.dashboard);
    line(QStringLiteral("open store with quick_check"), openChecked);
    line(QStringLiteral("open store without quick_check"), openUnchecked);
    // Issue 21: the window opens without the check (the line above) and runs it on a thread of its own after.
    QElapsedTimer checking;
    checking.start();
    const IntegrityCheck::Verdict checked = IntegrityCheck::run(path, nullptr, nullptr);
    out << QStringLiteral("%1 %2 s behind the open window (%3)   (window usable: the open without it)\n")
               .arg(QStringLiteral("background integrity check"), -34)
               .arg(double(checking.nsecsElapsed()) / 1e9, 0, 'f', 2)
               .arg(checked.outcome == IntegrityCheck::Outcome::Passed ? QStringLiteral("passed")
                                                                        : QStringLiteral("FAILED: ") + checked.detail);
    // Issue 17: the whole verification (chain, every referral and derived row, accounts), as the start-of-day
    // backup runs it, and one anchor line.
    QElapsedTimer verifying;
    verifying.start();
    const Result<AuditTrail::Verification> chainOnly = AuditTrail::verifyChain(store->database());
    out << QStringLiteral("%1 %2 s (%3)\n")
               .arg(QStringLiteral("verify-audit, the chain alone"), -34)
               .arg(double(verifying.nsecsElapsed()) / 1e9, 0, 'f', 2)
               .arg(chainOnly && chainOnly->intact ? QStringLiteral("intact") : QStringLiteral("NOT intact"));
    verifying.restart();
    const Result<AuditVerifier::Report> verified = AuditVerifier::verify(store->database());
    const double verifySeconds = double(verifying.nsecsElapsed()) / 1e9;
    out << QStringLiteral("%1 %2 s for %3 events and %4 referrals (%5)\n")
               .arg(QStringLiteral("verify-audit, everything"), -34)
               .arg(verifySeconds, 0, 'f', 2)
               .arg(verified ? verified->chain.events : -1)
               .arg(verified ? verified->referralsChecked : -1)
               .arg(verified ? (verified->intact() ? QStringLiteral("intact") : verified->summary().left(200))
                             : verified.errorMessage());
    AnchorLog anchors(store->database(), Clock::system(), dir.filePath(QStringLiteral("bench.anchors")),
                      QStringLiteral("ws-bench-0001"));
    if (const Result<Anchor> anchor = anchors.append(QStringLiteral("backup"))) {
        const qint64 lineBytes = QFileInfo(anchors.file()).size();
        out << QStringLiteral("%1 %2 bytes a line; at 50 lines a day (2 backups, exports, prints, sign-outs) "
                              "%3 MB a year per workstation\n")
                   .arg(QStringLiteral("anchor log"), -34)
                   .arg(lineBytes)
                   .arg(double(lineBytes) * 50 * 365 / 1e6, 0, 'f', 1);
    }
    // Issue 21: the next day's run starts at the head the full run verified — after a day's work, 150 calls.
    if (verified && verified->intact()) {
        static_cast<void>(anchors.appendHead(
            verified->chain.headSequence, verified->chain.headHash, AuditVerifier::verifiedOccasion(*verified)));
        for (int call = 0; call < 150; ++call) {
            StoredReferral day = store->referrals().createDraft(profile, actor).value();
            Referral next = day.referral;
            for (const QString &field : FrontDoorBench::typedFields()) {
                next.setAnswer(field, Answer::given(QStringLiteral("Invented day's call %1").arg(call)));
                day.revision = store->referrals().save(next, day.revision, actor).value().revision;
            }
            static_cast<void>(store->referrals().flush(day.referral.reference));
        }
        verifying.restart();
        const Result<AuditVerifier::Report> since
            = AuditVerifier::verifyAnchored(store->database(),
                                            anchors.file(),
                                            AuditVerifier::Scope::SinceCheckpoint,
                                            AnchorLog::selectionFor(store->database().path()));
        out << QStringLiteral("%1 %2 s for %3 events and %4 referrals (%5); the full run took %6x as long\n")
                   .arg(QStringLiteral("verify-audit from the checkpoint"), -34)
                   .arg(double(verifying.nsecsElapsed()) / 1e9, 0, 'f', 2)
                   .arg(since ? since->chain.events : -1)
                   .arg(since ? since->referralsChecked : -1)
                   .arg(since ? (since->intact() && since->checkpoint ? QStringLiteral("intact, from a checkpoint")
                                                                      : since->summary().left(200))
                              : since.errorMessage())
                   .arg(verifySeconds / std::max(1e-6, double(verifying.nsecsElapsed()) / 1e9), 0, 'f', 0);
        // The start-of-day backup as the window makes it: copy, integrity_check, verify the copy from the checkpoint.
        verifying.restart();
        const Result<Backups::Made> backup = Backups::make(store->database(),
                                                           dir.filePath(QStringLiteral("backups")),
                                                           QDateTime::currentDateTimeUtc(),
                                                           actor,
                                                           {},
                                                           anchors.file());
        out << QStringLiteral("%1 %2 s (%3)\n")
                   .arg(QStringLiteral("backup, copy verified from it"), -34)
                   .arg(double(verifying.nsecsElapsed()) / 1e9, 0, 'f', 2)
                   .arg(backup ? QStringLiteral("%1 events walked").arg(backup->verified.chain.events)
                               : backup.errorMessage());
    }
    out << QStringLiteral("%1 %2\n")
               .arg(QStringLiteral("search hits averaged"), -34)
               .arg(double(common.hits) / 300.0, 0, 'f', 1);
    const qint64 bytesPerReferral = FileSize::report(store->database(), out);
    common.profile.report(out);
    const Database::Checkpoints &checkpoints = store->database().checkpoints();
    out << QStringLiteral("%1 %2 between saves, longest %3 ms, mean %4 ms (SQLite would have run each inside a save)\n")
               .arg(QStringLiteral("WAL checkpoints"), -72)
               .arg(checkpoints.count)
               .arg(double(checkpoints.longestNsecs) / 1e6, 0, 'f', 2)
               .arg(checkpoints.count ? double(checkpoints.totalNsecs) / 1e6 / checkpoints.count : 0.0, 0, 'f', 2);
    store.reset();
    if (args.contains(QStringLiteral("--encrypted"))
        && !benchEncrypted(dir, total, profile, actor, randomAtStart, common, openChecked))
        return 2;
    if (!args.contains(QStringLiteral("--server")))
        return 0;
    return benchServer(dir, total, profile, common, bare, verifySeconds, bytesPerReferral) ? 0 : 2;
}
