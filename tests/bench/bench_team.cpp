// Team mode's load test (issue 19), on loopback only: N simulated desks, each its own connection and person on a
// real PostgreSQL 15 cluster this program starts (tests/support/pgcluster.sh) and removes, for a bounded time saving
// edits, opening the queue and searching, each also listening for the others' changes as its window does. Prints
// save p50/p95/p99 against a bare PostgreSQL insert + commit measured in the same run under the same number of desks
// (the floor), queue refresh, search, and how long another desk's change takes to be heard by NOTIFY; counts lost
// updates and checks the chain. Asserts nothing about time.
//
//   bench_team [desks=30] [seconds=20] [listening=desks] [announce=feed|save]
//   two phases of `seconds` each, paced then flat out; `listening`: how many desks listen for changes (1 = only the
//   supervisor's that times the notices), to see what hearing every change costs the server; `announce`: a listening
//   desk's notices go out on its feed's connection and thread, as its window sends them (feed), or on the saving
//   connection before the save returns (save, as before the announcer), to compare the two in one build
#include "profile/profileloader.h"
#include "store/audittrail.h"
#include "store/changefeed.h"
#include "store/serveraccounts.h"
#include "store/serversetup.h"
#include "store/store.h"

#include "benchcluster.h"
#include "benchsamples.h"
#include "statementcount.h"
#include "teamdesk.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace FrontDoor;

namespace {

QTextStream out(stdout);

using FrontDoorBench::Cluster;
using FrontDoorBench::DeskPlan;
using FrontDoorBench::DeskResult;
using FrontDoorBench::Pacer;
using FrontDoorBench::Samples;
using FrontDoorBench::SentSaves;
using FrontDoorBench::startCluster;
using FrontDoorBench::stopCluster;

void line(const QString &what, Samples &s, const QString &target = {})
{
    out << QStringLiteral("%1 n %2  p50 %3 ms  p95 %4 ms  p99 %5 ms%6\n")
               .arg(what, -30)
               .arg(s.ms.size(), 6)
               .arg(s.at(0.50), 8, 'f', 2)
               .arg(s.at(0.95), 8, 'f', 2)
               .arg(s.at(0.99), 8, 'f', 2)
               .arg(target.isEmpty() ? QString() : QStringLiteral("   (%1)").arg(target));
    out.flush();
}

const QString deskPassword = QStringLiteral("a long enough bench password");
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int desks = args.size() > 1 ? std::clamp(args.at(1).toInt(), 1, 100) : 30;
    const int seconds = args.size() > 2 ? std::clamp(args.at(2).toInt(), 1, 3600) : 20;
    const int listening = args.size() > 3 ? std::clamp(args.at(3).toInt(), 1, desks) : desks;
    const bool announceOnFeed = args.size() <= 4 || args.at(4) != QLatin1String("save");
    QTemporaryDir dir;
    Cluster cluster;
    cluster.dir = dir.filePath(QStringLiteral("pg"));
    out << "bench_team: " << desks << " desks for " << seconds << " s on a PostgreSQL 15 cluster on loopback, "
        << listening << " listening, notices sent "
        << (announceOnFeed ? "by each desk's feed" : "by the saving connection") << '\n';
    out.flush();
    if (!startCluster(cluster))
        return 1;
    const auto finish = [&](int code) {
        stopCluster(cluster);
        return code;
    };
    const Profile profile = ProfileLoader::byId(QStringLiteral("norfolk-cads")).value();
    {
        Result<std::unique_ptr<Database>> dba
            = Database::connectForSetup(ServerLogin{cluster.connection(), cluster.superuser, cluster.password});
        if (!dba || !ServerSetup::init(**dba)) {
            out << "server init failed\n";
            return finish(1);
        }
        ServerAccounts accounts(**dba, Clock::system());
        for (int d = 0; d < desks; ++d)
            if (Result<Account> a = accounts.create(QStringLiteral("desk%1").arg(d),
                                                    QStringLiteral("Desk %1").arg(d),
                                                    d % 5 == 0 ? Role::Supervisor : Role::CallHandler,
                                                    deskPassword);
                !a) {
                out << "account: " << a.errorMessage() << '\n';
                return finish(1);
            }
        QSqlQuery floorTable((*dba)->connection());
        floorTable.exec(QStringLiteral("CREATE TABLE public.floor (id bigserial PRIMARY KEY, body text NOT NULL); "
                                       "GRANT INSERT ON public.floor TO frontdoor_staff; GRANT USAGE ON SCHEMA public "
                                       "TO frontdoor_staff; GRANT USAGE ON SEQUENCE public.floor_id_seq TO "
                                       "frontdoor_staff"));
    }
    const auto login = [&](int d) {
        return ServerLogin{cluster.connection(), QStringLiteral("desk%1").arg(d), deskPassword};
    };

    // Where a save's time goes: one call-handler's statements from here on are logged (its new sessions), and counted
    // per save at the end — by the statement each names, never the values. (Desk 0 is the listening supervisor.)
    const int profiled = desks > 1 ? 1 : 0;
    if (Result<std::unique_ptr<Database>> dba
        = Database::connectForSetup(ServerLogin{cluster.connection(), cluster.superuser, cluster.password}))
        QSqlQuery((*dba)->connection())
            .exec(QStringLiteral("ALTER ROLE desk%1 SET log_statement = 'all'").arg(profiled));

    // A supervisor's desk listening for changes (NOTIFY), as the queue and home screen will.
    Samples heard; // of the phase under way
    SentSaves sent;
    auto feedOwner = std::make_unique<ChangeFeed>([&] { return Database::connect(login(0)); }, 5000);
    ChangeFeed &feed = *feedOwner;
    QObject::connect(&feed, &ChangeFeed::changed, &feed, [&](const QList<ChangeFeed::Change> &changes) {
        const qint64 now = sent.now();
        for (const ChangeFeed::Change &change : changes)
            if (qint64 at = 0; sent.take(change.reference, &at))
                heard.add(now - at);
    });
    if (Status s = feed.start(); !s) {
        out << "feed: " << s.errorMessage() << '\n';
        return finish(1);
    }

    // Every other desk listens too, as each workstation's window does: every change is heard by every desk. Each on a
    // thread of its own, as on its own workstation: on this one thread their ticks (a digest or a read each, 10-300 ms
    // under this load) queued behind each other and held the timed notices up by seconds, which no desk would see.
    // A listening desk's own notices go out on its feed's connection (ChangeFeed::announcer), as its window's do.
    std::vector<Database::Announcer> announcers(static_cast<size_t>(desks));
    announcers[0] = feed.announcer();
    std::vector<QThread *> otherDesks;
    std::atomic<qint64> heardElsewhere{0};
    std::atomic<int> othersReady{0}, othersFailed{0};
    const auto stopOtherDesks = [&] {
        for (QThread *t : otherDesks) {
            t->quit(); // ends its event loop, also one not yet begun
            t->wait();
            delete t;
        }
        otherDesks.clear();
    };
    for (int d = 1; d < listening; ++d) {
        otherDesks.push_back(QThread::create([&, d] {
            ChangeFeed other([&, d] { return Database::connect(login(d)); }, 5000);
            QObject::connect(&other, &ChangeFeed::changed, &other, [&](const QList<ChangeFeed::Change> &c) {
                heardElsewhere += c.size();
            });
            if (!other.start())
                ++othersFailed;
            announcers[size_t(d)] = other.announcer();
            ++othersReady;
            QEventLoop notices;
            notices.exec();
        }));
        otherDesks.back()->start();
    }
    while (othersReady.load() < listening - 1)
        QThread::msleep(10);
    if (othersFailed.load() > 0) {
        out << othersFailed.load() << " other desks could not listen\n";
        stopOtherDesks();
        return finish(1);
    }
    if (!announceOnFeed)
        announcers.assign(size_t(desks), Database::Announcer{});

    // One phase at one pace (0 = flat out): the floor, every desk doing a bare insert + commit of a referral-sized row
    // at once; then the desks typing calls for the whole time.
    int saved = 0, lost = 0;
    const auto phase = [&](int paceMs, const QString &name) {
        out << "-- " << name << '\n';
        std::vector<Samples> floors(size_t(desks), Samples{});
        {
            std::vector<QThread *> threads;
            // Paced, the floor runs as long as the desks (a sample every 500 ms a desk); flat out, a third is plenty.
            const qint64 until = qint64(seconds) * 1000 / (paceMs > 0 ? 1 : 3);
            for (int d = 0; d < desks; ++d)
                threads.push_back(QThread::create([&, d] {
                    Result<std::unique_ptr<Database>> db = Database::connect(login(d));
                    if (!db)
                        return;
                    QSqlQuery insert((*db)->connection());
                    insert.prepare(QStringLiteral("INSERT INTO public.floor (body) VALUES (:body)"));
                    const QString body(4000, u'x');
                    Pacer pacer(paceMs, d, desks);
                    QElapsedTimer total;
                    total.start();
                    while (total.elapsed() < until) {
                        pacer.wait();
                        QElapsedTimer one;
                        one.start();
                        insert.bindValue(QStringLiteral(":body"), body);
                        if (!insert.exec())
                            return;
                        floors[size_t(d)].add(one.nsecsElapsed());
                    }
                }));
            for (QThread *t : threads)
                t->start();
            QEventLoop waiting; // the listening desks' notices are heard on this thread meanwhile
            std::atomic<int> left{desks};
            for (QThread *t : threads)
                QObject::connect(t, &QThread::finished, &waiting, [&] {
                    if (--left == 0)
                        waiting.quit();
                });
            waiting.exec();
            for (QThread *t : threads) {
                t->wait();
                delete t;
            }
        }
        Samples floor;
        for (const Samples &f : floors)
            floor.merge(f);

        heard = Samples{};
        sent.clear();
        std::vector<DeskResult> results{size_t(desks)};
        std::atomic<int> running{desks};
        std::atomic<int> signedIn{0}; // desks signed in (or failed to): none takes a call before every desk is in
        std::vector<QThread *> threads;
        for (int d = 0; d < desks; ++d)
            threads.push_back(QThread::create([&, d] {
                DeskResult &result = results[size_t(d)];
                const auto done = qScopeGuard([&] { --running; });
                Store::Options options;
                options.workstation = QStringLiteral("desk-%1").arg(d);
                Result<std::unique_ptr<Store>> store = Store::connect(login(d), Clock::system(), options);
                // A front door's people sign in over minutes, not in the instant thirty desks do here: the calls begin
                // once every desk is in, so that thirty sign-ins (each a SCRAM exchange, a core's work) are not timed
                // as the saves beside them.
                ++signedIn;
                while (signedIn.load() < desks)
                    QThread::msleep(1);
                if (!store) {
                    result.error = store.errorMessage();
                    return;
                }
                (*store)->database().setAnnouncer(announcers[size_t(d)]);
                const Actor actor{QStringLiteral("desk%1").arg(d), d % 5 == 0 ? Role::Supervisor : Role::CallHandler};
                typeCalls(**store, actor, profile, DeskPlan{d, desks, paceMs, seconds}, sent, result);
            }));
        // The listening desk's notices arrive on this thread's event loop, which sleeps until one comes or the last
        // desk is done. (It used to spin on processEvents(), which returns at once when nothing waits: a core burnt
        // beside the desks while they saved, and not while the floor was measured.)
        QEventLoop waiting;
        for (QThread *t : threads)
            QObject::connect(t, &QThread::finished, &waiting, [&] {
                if (running.load() == 0)
                    waiting.quit();
            });
        for (QThread *t : threads)
            t->start();
        if (running.load() > 0)
            waiting.exec();
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1000);

        Samples saves, queue, search, between, starts, names, concerns, firsts, moves, signedIns, creates;
        int phaseSaved = 0;
        for (DeskResult &r : results) {
            if (!r.error.isEmpty())
                out << "a desk stopped: " << r.error << '\n';
            saves.merge(r.saves);
            queue.merge(r.queue);
            search.merge(r.search);
            between.merge(r.between);
            starts.merge(r.starts);
            firsts.merge(r.firsts);
            signedIns.merge(r.signedIn);
            creates.merge(r.creates);
            moves.merge(r.moves);
            names.merge(r.names);
            concerns.merge(r.concerns);
            phaseSaved += r.saved;
            lost += r.lostUpdates;
        }
        line(QStringLiteral("floor: bare insert + commit"), floor);
        line(QStringLiteral("floor between the saves"), between);
        const auto againstFloor = [&](Samples &s) {
            return QStringLiteral("p95 %1x the floor's, %2x the floor between; aim <= 3x")
                .arg(s.at(0.95) / std::max(0.001, floor.at(0.95)), 0, 'f', 2)
                .arg(s.at(0.95) / std::max(0.001, between.at(0.95)), 0, 'f', 2);
        };
        line(QStringLiteral("save while typing"), saves, againstFloor(saves));
        line(QStringLiteral("  starting an answer"), starts, againstFloor(starts));
        line(QStringLiteral("    a call's first save"), firsts, againstFloor(firsts));
        line(QStringLiteral("    a desk's first, since sign-in"), signedIns, againstFloor(signedIns));
        line(QStringLiteral("    moving on, ending a burst"), moves, againstFloor(moves));
        line(QStringLiteral("  typing on: a name"), names, againstFloor(names));
        line(QStringLiteral("  typing on: the concern"), concerns, againstFloor(concerns));
        line(QStringLiteral("a new call (Ctrl+N)"), creates);
        line(QStringLiteral("queue first page"), queue);
        line(QStringLiteral("search"), search);
        line(QStringLiteral("change heard on another desk"), heard, QStringLiteral("aim <= 1000 ms"));
        out << "saves " << phaseSaved << '\n';
        saved += phaseSaved;
        return results.at(size_t(profiled)).saved;
    };
    // Paced: each desk saves every 500 ms, the autosave's debounce after a keystroke — the most often an editor
    // saves — as thirty people typing at once would. Flat out: each saves again the moment the server answers, a
    // load no front door makes, which shows what a save costs the server beside a bare insert.
    int profiledSaves = phase(500, QStringLiteral("paced: every desk saves every 500 ms, as its editor at most does"));
    profiledSaves += phase(0, QStringLiteral("flat out: every desk saves again the moment it is answered"));

    Result<std::unique_ptr<Database>> checker = Database::connect(login(0));
    bool chainIntact = false;
    qint64 events = 0;
    if (checker)
        if (Result<AuditTrail::Verification> chain = AuditTrail::verifyChain(**checker); chain) {
            chainIntact = chain->intact;
            events = chain->events;
        }
    if (listening > 1)
        out << "changes heard by the other " << (listening - 1) << " listening desks: " << heardElsewhere.load()
            << '\n';
    out << "saves " << saved << ", lost updates " << lost << ", audit events " << events << ", chain "
        << (chainIntact ? "intact" : "BROKEN") << '\n';
    // How many of the referrals' row updates were heap-only (HOT: no index touched). 91% without a fillfactor, 94%
    // with 70: not worth 30% more pages, so the table keeps PostgreSQL's default.
    if (Result<std::unique_ptr<Database>> dba
        = Database::connectForSetup(ServerLogin{cluster.connection(), cluster.superuser, cluster.password})) {
        QSqlQuery hot((*dba)->connection());
        if (hot.exec(QStringLiteral("SELECT pg_stat_force_next_flush()"))
            && hot.exec(QStringLiteral(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE schemaname = 'frontdoor' "
                "AND relname = 'referrals'"))
            && hot.next())
            out << "referrals' row updates " << hot.value(0).toLongLong() << ", of them heap-only (HOT) "
                << hot.value(1).toLongLong() << '\n';
    }
    // That desk's statements, counted from the server's log: the round trips a save takes.
    if (profiledSaves > 0)
        FrontDoorBench::printStatementsPerSave(cluster.dir, profiledSaves, out);
    out.flush();
    if (checker)
        checker->reset(); // every connection closed before the cluster stops
    feedOwner.reset();
    stopOtherDesks();
    return finish(lost == 0 && chainIntact ? 0 : 1);
}
