// Team mode (issue 19), "the network is not the disk": what the server could not take is kept in the person's
// offline spool on this computer and sent in the order it was typed once the server is back — after a connection
// cut by the server (pg_terminate_backend), a server stopped mid-call, and a program killed while offline (SIGKILL).
// Nothing typed is lost; nothing is reported saved that the server did not commit.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/audittrail.h"
#include "store/offlinespool.h"
#include "store/store.h"
#include "store/teamsignin.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <csignal>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString natureKey = QStringLiteral("concern.nature");

struct Desk
{
    Desk(const PgServer &server, const QString &who, const QString &spoolRoot)
        : actor{server.person(who), Role::CallHandler}
    {
        Store::Options options;
        options.spoolFolder = spoolRoot;
        Result<std::unique_ptr<Store>> connected
            = Store::connect(ServerLogin{server.connection(), actor.userId, QString::fromLatin1(PgServer::password)},
                             Clock::system(),
                             options);
        INFO(connected.errorMessage().toStdString());
        REQUIRE(connected);
        store = std::move(*connected);
        REQUIRE(store->spool());
    }
    Actor actor;
    std::unique_ptr<Store> store;
};

void cutConnectionsOf(const PgServer &server, const QString &user)
{
    const PgServer::Psql cut = server.psql(
        QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '%1'").arg(user));
    INFO(cut.err.toStdString());
    REQUIRE(cut.exitCode == 0);
    REQUIRE(cut.out.toInt() >= 1);
}

QString natureOf(Store &store, const QString &reference)
{
    Result<StoredReferral> stored = store.referrals().load(reference);
    INFO(stored.errorMessage().toStdString());
    REQUIRE(stored);
    return stored->referral.answer(natureKey).value();
}

// The audit events of one referral, as "kind path" in the chain's order.
QStringList changesOf(const PgServer &server, const QString &reference)
{
    const PgServer::Psql events
        = server.psql(QStringLiteral("SELECT kind || ' ' || coalesce(payload::json->>'path', '') || ' ' || "
                                     "coalesce(payload::json->'to'->>'value', '') FROM frontdoor.audit WHERE "
                                     "reference = '%1' AND kind = 'fieldChanged' ORDER BY seq")
                          .arg(reference));
    INFO(events.err.toStdString());
    REQUIRE(events.exitCode == 0);
    return events.out.split(u'\n', Qt::SkipEmptyParts);
}

// The chain walked as a supervisor (a call-handler's connection sees only their own cases' events).
bool chainIntact(const PgServer &server)
{
    Result<std::unique_ptr<Database>> sam = server.signIn(QStringLiteral("sam"));
    REQUIRE(sam);
    Result<AuditTrail::Verification> chain = AuditTrail::verifyChain(**sam);
    INFO(chain.errorMessage().toStdString());
    REQUIRE(chain);
    INFO(chain->problem.toStdString());
    return chain->intact;
}

} // namespace

TEST_CASE("Team mode: a save on a connection the server cut is kept on this computer, owner-only, and sent when the "
          "next try reconnects")
{
    PgServer server(QStringLiteral("spool-terminate"));
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
    StoredReferral draft = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
    Referral typed = draft.referral;
    give(typed, natureKey, QStringLiteral("typed before the cut"));
    Result<SaveReceipt> first = carl.store->referrals().save(typed, draft.revision, carl.actor);
    REQUIRE(first);

    cutConnectionsOf(server, carl.actor.userId);
    give(typed, natureKey, QStringLiteral("typed after the cut"));
    Result<SaveReceipt> lost = carl.store->referrals().save(typed, first->revision, carl.actor);
    REQUIRE_FALSE(lost);
    CHECK(lost.error().code == ErrorCode::Unreachable);
    CHECK(carl.store->database().connectionLost());
    OfflineSpool &spool = *carl.store->spool();
    REQUIRE(spool.keep(
        typed, first->revision, carl.actor, carl.store->referrals().instanceId(), QDateTime::currentDateTimeUtc()));
    CHECK(spool.holds(typed.reference));
    CHECK(spool.count() == 1);

    // Only its owner can read it: the folders 0700, the files 0600.
    CHECK(QFileInfo(spool.folder()).permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
              | QFileDevice::WriteUser | QFileDevice::ExeUser));
    QDirIterator files(spool.folder(), QDir::Files);
    int seen = 0;
    while (files.hasNext()) {
        const QString file = files.next();
        CHECK((QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
        ++seen;
    }
    CHECK(seen == 2); // the edit and its base revision

    const SpoolDelivery delivered = spool.deliver();
    INFO(delivered.held.join(u'\n').toStdString());
    CHECK_FALSE(delivered.unreachable);
    CHECK(delivered.sent == 1);
    CHECK(delivered.held.isEmpty());
    CHECK_FALSE(spool.holds(typed.reference));
    CHECK(spool.count() == 0);
    CHECK(QDir(spool.folder()).entryList(QDir::Files).isEmpty()); // nothing of the case is left on this computer
    CHECK_FALSE(carl.store->database().connectionLost());
    CHECK(natureOf(*carl.store, typed.reference) == QStringLiteral("typed after the cut"));
    CHECK(spool.deliveredRevision(typed.reference) == delivered.revisions.value(typed.reference));
    CHECK(chainIntact(server));
}

TEST_CASE("Team mode: with the server stopped mid-call, every edit is kept in order, none is sent, and all arrive in "
          "the order typed, at the times typed, when it is back")
{
    OwnCluster cluster;
    PgServer server(QStringLiteral("spool-stopped"), cluster.dir());
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
    StoredReferral draft = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
    const QString reference = draft.referral.reference;

    cluster.pause();
    Referral typed = draft.referral;
    OfflineSpool &spool = *carl.store->spool();
    const QDateTime start = QDateTime::currentDateTimeUtc(); // typed while the server was away
    const QStringList paths{natureKey, Field::referrerName.toString(), natureKey};
    const QStringList values{QStringLiteral("first"), QStringLiteral("Tamsin Invented"), QStringLiteral("third")};
    for (int i = 0; i < paths.size(); ++i) {
        give(typed, paths[i], values[i]);
        Result<SaveReceipt> refused = carl.store->referrals().save(typed, draft.revision, carl.actor);
        REQUIRE_FALSE(refused);
        INFO(refused.errorMessage().toStdString());
        CHECK(refused.error().code == ErrorCode::Unreachable); // never reported as saved
        REQUIRE(spool.keep(
            typed, draft.revision, carl.actor, carl.store->referrals().instanceId(), start.addMSecs(100 * i)));
    }
    const SpoolDelivery whileAway = spool.deliver();
    CHECK(whileAway.unreachable);
    CHECK(whileAway.sent == 0);
    CHECK(spool.count() == 3);

    cluster.resume();
    const SpoolDelivery back = spool.deliver();
    INFO(back.held.join(u'\n').toStdString());
    CHECK_FALSE(back.unreachable);
    CHECK(back.sent == 3);
    CHECK(spool.count() == 0);
    CHECK(natureOf(*carl.store, reference) == QStringLiteral("third"));
    REQUIRE(carl.store->referrals().flush(reference));
    // Each change in the trail in the order typed: a change to another item closes the burst before it.
    CHECK(changesOf(server, reference)
          == QStringList{QStringLiteral("fieldChanged concern.nature first"),
                         QStringLiteral("fieldChanged referrer.name Tamsin Invented"),
                         QStringLiteral("fieldChanged concern.nature third")});
    const PgServer::Psql at
        = server.psql(QStringLiteral("SELECT at FROM frontdoor.audit WHERE reference = '%1' AND kind = 'fieldChanged' "
                                     "ORDER BY seq LIMIT 1")
                          .arg(reference));
    CHECK(at.out == start.toString(Qt::ISODateWithMs)); // when it was typed, not when it arrived
    CHECK(chainIntact(server));
}

TEST_CASE("Team mode: an edit the server took although its answer was lost is not sent twice, and one a colleague "
          "overtook is kept here, not merged")
{
    PgServer server(QStringLiteral("spool-lost-answer"));
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
    OfflineSpool &spool = *carl.store->spool();
    const QString instance = carl.store->referrals().instanceId();

    StoredReferral draft = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
    Referral typed = draft.referral;
    give(typed, natureKey, QStringLiteral("committed, answer lost"));
    REQUIRE(carl.store->referrals().save(typed, draft.revision, carl.actor)); // the server has it
    REQUIRE(spool.keep(typed, draft.revision, carl.actor, instance, QDateTime::currentDateTimeUtc()));
    SpoolDelivery delivered = spool.deliver();
    CHECK(delivered.sent == 0);
    CHECK(delivered.alreadyThere == 1);
    CHECK(delivered.held.isEmpty());
    CHECK(spool.count() == 0);

    // A supervisor changed it on the server after the edit kept here was typed on the older revision.
    StoredReferral other = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
    Referral mine = other.referral;
    give(mine, natureKey, QStringLiteral("typed here"));
    REQUIRE(spool.keep(mine, other.revision, carl.actor, instance, QDateTime::currentDateTimeUtc()));
    {
        Store::Options options;
        options.spoolFolder = spoolRoot.path();
        const Actor sam{server.person(QStringLiteral("sam")), Role::Supervisor};
        std::unique_ptr<Store> supervisor
            = Store::connect(ServerLogin{server.connection(), sam.userId, QString::fromLatin1(PgServer::password)},
                             Clock::system(),
                             options)
                  .value();
        Referral theirs = other.referral;
        give(theirs, natureKey, QStringLiteral("the supervisor's"));
        REQUIRE(supervisor->referrals().save(theirs, other.revision, sam));
    }
    delivered = spool.deliver();
    CHECK(delivered.sent == 0);
    REQUIRE(delivered.held.size() == 1);
    CHECK(delivered.held.constFirst().startsWith(other.referral.reference));
    CHECK(delivered.held.constFirst().contains(QStringLiteral("not merged")));
    CHECK(spool.holds(other.referral.reference)); // still here
    CHECK(natureOf(*carl.store, other.referral.reference) == QStringLiteral("the supervisor's"));
}

TEST_CASE("Team mode: a damaged file in the offline spool is said, nothing after it is sent, and nothing is lost")
{
    PgServer server(QStringLiteral("spool-damaged"));
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
    OfflineSpool &spool = *carl.store->spool();
    StoredReferral draft = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
    Referral typed = draft.referral;
    give(typed, natureKey, QStringLiteral("kept"));
    REQUIRE(spool.keep(
        typed, draft.revision, carl.actor, carl.store->referrals().instanceId(), QDateTime::currentDateTimeUtc()));
    QFile hostile(QDir(spool.folder()).filePath(QStringLiteral("000000000000.edit")));
    REQUIRE(hostile.open(QIODevice::WriteOnly));
    hostile.write("{\"format\":\"frontdoor-spool-1\",\"reference\":\"../../etc\",\"role\":\"administrator\"");
    hostile.close();

    const SpoolDelivery delivered = spool.deliver();
    CHECK(delivered.sent == 0);
    REQUIRE(delivered.held.size() == 1);
    CHECK(delivered.held.constFirst().contains(QStringLiteral("000000000000.edit")));
    CHECK(spool.holds(typed.reference));
    CHECK(natureOf(*carl.store, typed.reference).isEmpty());
}

TEST_CASE("Team mode: a program killed while the server was away loses nothing — the next sign-in sends what it kept, "
          "in order")
{
    OwnCluster cluster;
    PgServer server(QStringLiteral("spool-sigkill"), cluster.dir());
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    const QString carl = server.person(QStringLiteral("carl"));
    QString reference;
    {
        Desk desk(server, QStringLiteral("carl"), spoolRoot.path());
        reference = desk.store->referrals().createDraft(norfolk(), desk.actor).value().referral.reference;
    }

    QProcess worker;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FRONTDOOR_TEST_PASSWORD"), QString::fromLatin1(PgServer::password));
    worker.setProcessEnvironment(environment);
    worker.start(QStringLiteral(FRONTDOOR_SPOOL_WORKER), {server.connection(), carl, spoolRoot.path(), reference});
    REQUIRE(worker.waitForStarted());
    const auto waitForLine = [&worker](const QString &prefix) {
        for (int i = 0; i < 600; ++i) {
            while (worker.canReadLine()) {
                const QString line = QString::fromUtf8(worker.readLine()).trimmed();
                if (line.startsWith(prefix))
                    return line;
            }
            worker.waitForReadyRead(100);
        }
        FAIL("the worker did not say " << prefix.toStdString() << ": " << worker.readAllStandardError().toStdString());
        return QString();
    };
    waitForLine(QStringLiteral("saved"));
    cluster.pause();
    int lastKept = 0;
    for (int i = 0; i < 5; ++i)
        lastKept = waitForLine(QStringLiteral("kept")).section(u' ', 1).toInt();
    ::kill(pid_t(worker.processId()), SIGKILL);
    REQUIRE(worker.waitForFinished(10000));
    CHECK(worker.exitStatus() == QProcess::CrashExit);
    cluster.resume();

    int filesKept = 0;
    for (QDirIterator files(spoolRoot.path(), {QStringLiteral("*.edit")}, QDir::Files, QDirIterator::Subdirectories);
         files.hasNext();
         files.next())
        ++filesKept;
    REQUIRE(filesKept >= 5);

    Result<TeamSession> signedIn = server.teamSession(QStringLiteral("carl"), spoolRoot.path());
    INFO(signedIn.errorMessage().toStdString());
    REQUIRE(signedIn);
    INFO(signedIn->delivered.held.join(u'\n').toStdString());
    CHECK(signedIn->delivered.held.isEmpty());
    // A save in flight as the server stopped may have committed with its answer lost: found there, not sent twice.
    CHECK(signedIn->delivered.sent + signedIn->delivered.alreadyThere == filesKept);
    CHECK(signedIn->delivered.alreadyThere <= 1);
    CHECK(signedIn->store->spool()->count() == 0);
    const QString last = natureOf(*signedIn->store, reference);
    CHECK(last.startsWith(QStringLiteral("offline edit ")));
    CHECK(last.section(u' ', 2).toInt() >= lastKept); // every kept edit arrived, the last one last
    CHECK(chainIntact(server));
}

TEST_CASE("Team mode: the offline spool is sealed with a key of the person's own, kept on the server — a copied disk "
          "reads nothing of the call, and a file renamed or brought from another's spool is said and never sent")
{
    PgServer server(QStringLiteral("spool-sealed"));
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Referral typed;
    QString carlsFolder;
    {
        Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
        StoredReferral draft = carl.store->referrals().createDraft(norfolk(), carl.actor).value();
        typed = draft.referral;
        typed.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Zebedee Invented")));
        give(typed, natureKey, QStringLiteral("an invented fall down the stairs"));
        OfflineSpool &spool = *carl.store->spool();
        REQUIRE(spool.keep(
            typed, draft.revision, carl.actor, carl.store->referrals().instanceId(), QDateTime::currentDateTimeUtc()));
        carlsFolder = spool.folder();
    }

    // On the disk: neither the child, nor the concern, nor the reference, nor who typed it.
    int files = 0;
    for (QDirIterator it(carlsFolder, QDir::Files); it.hasNext();) {
        QFile file(it.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        INFO(file.fileName().toStdString());
        CHECK(bytes.startsWith("FDSPOOL2"));
        for (const QByteArray &secret : {QByteArray("Zebedee"),
                                         QByteArray("invented fall"),
                                         typed.reference.toUtf8(),
                                         server.person(QStringLiteral("carl")).toUtf8(),
                                         QByteArray("concern")})
            CHECK_FALSE(bytes.contains(secret));
        ++files;
    }
    CHECK(files == 2);

    // The key lives on the server, one per person, reached through the function alone: not the table, not another's.
    const QString carlRole = server.person(QStringLiteral("carl"));
    const QString caraRole = server.person(QStringLiteral("cara"));
    const PgServer::Psql carlsKey = server.psql(QStringLiteral("SELECT frontdoor.spool_key()"), carlRole);
    REQUIRE(carlsKey.exitCode == 0);
    CHECK(carlsKey.out.trimmed().size() == 64);
    CHECK(server.psql(QStringLiteral("SELECT frontdoor.spool_key()"), caraRole).out.trimmed()
          != carlsKey.out.trimmed());
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.spool_keys"), carlRole).exitCode != 0);
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.spool_keys"), server.person(QStringLiteral("ada")))
              .exitCode
          != 0);
    // An administrator signs in as the window does (their spool stays empty): a sign-in fetches the key whoever signs
    // in, and ends no burst of an administrator's (who may not read the referrals; that refusal once read as "That
    // name and password are not right").
    Result<TeamSession> ada = server.teamSession(QStringLiteral("ada"), spoolRoot.path());
    INFO(ada.errorMessage().toStdString());
    REQUIRE(ada);
    CHECK(ada->account.role == Role::Administrator);
    CHECK(ada->store->spool()->count() == 0);

    // Carl's edit brought into Cara's spool does not open there: said, not sent.
    {
        Desk cara(server, QStringLiteral("cara"), spoolRoot.path());
        OfflineSpool &spool = *cara.store->spool();
        for (const QString &name : QDir(carlsFolder).entryList(QDir::Files))
            REQUIRE(QFile::copy(QDir(carlsFolder).filePath(name), QDir(spool.folder()).filePath(name)));
        const SpoolDelivery delivered = spool.deliver();
        CHECK(delivered.sent == 0);
        REQUIRE(delivered.held.size() == 1);
        CHECK(delivered.held.constFirst().contains(QStringLiteral("000000000001.edit")));
        CHECK(delivered.held.constFirst().contains(QStringLiteral("not a file Front Door kept here for you")));
    }

    // Carl signs in again: the same key from the server opens what he kept — but not once it is renamed (its place in
    // the typing order); named back, it is sent.
    Desk carl(server, QStringLiteral("carl"), spoolRoot.path());
    OfflineSpool &spool = *carl.store->spool();
    const QString kept = QDir(carlsFolder).filePath(QStringLiteral("000000000001.edit"));
    const QString moved = QDir(carlsFolder).filePath(QStringLiteral("000000000007.edit"));
    REQUIRE(QFile::rename(kept, moved));
    Result<QList<SpooledEdit>> renamed = spool.waiting();
    REQUIRE_FALSE(renamed);
    CHECK(renamed.errorMessage().contains(QStringLiteral("000000000007.edit")));
    REQUIRE(QFile::rename(moved, kept));
    Result<QList<SpooledEdit>> waiting = spool.waiting();
    REQUIRE(waiting);
    REQUIRE(waiting->size() == 1);
    CHECK(waiting->constFirst().referral.children[0].answer(QStringLiteral("name")).value()
          == QStringLiteral("Zebedee Invented"));
    const SpoolDelivery delivered = spool.deliver();
    INFO(delivered.held.join(u'\n').toStdString());
    CHECK(delivered.sent == 1);
    CHECK(natureOf(*carl.store, typed.reference) == QStringLiteral("an invented fall down the stairs"));
    CHECK(chainIntact(server));
}
