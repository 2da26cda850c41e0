// Opening, pragmas, permissions, migrations and refusals (issue 4: schema and connection).

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/database.h"
#include "store/schemaguards.h"
#include "store/sqlcatalog.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTimer>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {
QString pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA ") + name));
    REQUIRE(q.next());
    return q.value(0).toString();
}
} // namespace

TEST_CASE("A new database gets WAL, full sync, foreign keys, secure delete and the current schema")
{
    StoreFixture f;
    Database &db = f->database();
    CHECK(pragma(db, QStringLiteral("journal_mode")) == QStringLiteral("wal"));
    CHECK(pragma(db, QStringLiteral("synchronous")) == QStringLiteral("2")); // FULL
    CHECK(pragma(db, QStringLiteral("foreign_keys")) == QStringLiteral("1"));
    CHECK(pragma(db, QStringLiteral("secure_delete")) == QStringLiteral("1"));
    CHECK(pragma(db, QStringLiteral("busy_timeout")).toInt() >= 1000);
    CHECK(pragma(db, QStringLiteral("user_version")).toInt() == Database::latestSchemaVersion);
    CHECK(pragma(db, QStringLiteral("application_id")).toInt() == Database::applicationId);
    CHECK(db.schemaVersion() == Database::latestSchemaVersion);
}

TEST_CASE("The database, its -wal and -shm are owner-only, in an owner-only folder")
{
    StoreFixture f;
    REQUIRE(f->referrals().createDraft(norfolk(), handler)); // something in the WAL
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        INFO(suffix.toStdString());
        REQUIRE(QFile::exists(f.path + suffix));
        const QFileDevice::Permissions p = QFile::permissions(f.path + suffix);
        CHECK((p & (QFileDevice::ReadOwner | QFileDevice::WriteOwner)) == ownerOnly);
        CHECK((p & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)) == 0);
    }
    const QFileDevice::Permissions folder = QFile::permissions(QFileInfo(f.path).absolutePath());
    CHECK((folder & (QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther)) == 0);
}

TEST_CASE("A database written by a newer Front Door is refused and left unchanged")
{
    StoreFixture f;
    f.close();
    f.rawExec(QStringLiteral("PRAGMA user_version = 99"));
    const QByteArray before = fileDigest(f.path);
    Result<std::unique_ptr<Store>> opened = Store::open(f.path, f.clock);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::DatabaseTooNew);
    CHECK(opened.errorMessage().contains(QStringLiteral("newer Front Door")));
    CHECK(opened.errorMessage().contains(f.path));
    CHECK(fileDigest(f.path) == before);
}

TEST_CASE("A migration that fails rolls back whole and leaves the database at its previous version")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.sqlite"));
    const SqlCatalog sql = SqlCatalog::load(QStringLiteral("sqlite")).value();
    QList<Migration> steps = Database::builtInMigrations(sql);
    steps.append(Migration{Database::latestSchemaVersion + 1,
                           QStringLiteral("CREATE TABLE half_done (x INTEGER); CREATE TABLE broken (")});
    Result<std::unique_ptr<Database>> failed = Database::open(path, Database::Options{}, steps);
    REQUIRE_FALSE(failed);
    CHECK(failed.errorMessage().contains(QStringLiteral("nothing was changed")));

    Result<std::unique_ptr<Database>> reopened = Database::open(path);
    REQUIRE(reopened);
    CHECK((*reopened)->schemaVersion() == Database::latestSchemaVersion);
    QSqlQuery q((*reopened)->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
}

TEST_CASE("A file that is not SQLite, or another application's SQLite, is refused and never written")
{
    QTemporaryDir dir;
    SECTION("a text file")
    {
        const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const QByteArray before = fileDigest(path);
        Result<std::unique_ptr<Database>> opened = Database::open(path);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().code == ErrorCode::DatabaseCorrupt);
        CHECK(opened.errorMessage().contains(QStringLiteral("not an SQLite file")));
        CHECK(fileDigest(path) == before);
        CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    }
    SECTION("someone else's SQLite database")
    {
        StoreFixture f; // only for rawExec on a path
        f.close();
        QFile::remove(f.path);
        QFile::remove(f.path + QStringLiteral("-wal"));
        QFile::remove(f.path + QStringLiteral("-shm"));
        f.rawExec(QStringLiteral("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')"));
        const QByteArray before = fileDigest(f.path);
        Result<std::unique_ptr<Database>> opened = Database::open(f.path);
        REQUIRE_FALSE(opened);
        CHECK(opened.errorMessage().contains(QStringLiteral("not Front Door's")));
        CHECK(fileDigest(f.path) == before);
    }
}

TEST_CASE("Every SQL key the store uses is defined by the SQLite dialect, and the catalog rejects bad files")
{
    const SqlCatalog sql = SqlCatalog::load(QStringLiteral("sqlite")).value();
    // The keys every dialect must define (the PostgreSQL dialect is checked against the same list below).
    const QStringList required{QStringLiteral("migrate.1"),
                               QStringLiteral("audit.head"),
                               QStringLiteral("audit.insert"),
                               QStringLiteral("audit.moveHead"),
                               QStringLiteral("audit.since"),
                               QStringLiteral("audit.forReferral"),
                               QStringLiteral("audit.latestStates"),
                               QStringLiteral("audit.latestStatesOf"),
                               QStringLiteral("audit.referencesSince"),
                               QStringLiteral("referrals.forVerifyingOne"),
                               QStringLiteral("referrals.allReferences"),
                               QStringLiteral("search.ofReferral"),
                               QStringLiteral("persons.ofReferral"),
                               QStringLiteral("actions.ofReferral"),
                               QStringLiteral("referrals.nextNumber"),
                               QStringLiteral("referrals.insert"),
                               QStringLiteral("referrals.row"),
                               QStringLiteral("referrals.update.set"),
                               QStringLiteral("referrals.update.status"),
                               QStringLiteral("referrals.update.urgent"),
                               QStringLiteral("referrals.update.nextDue"),
                               QStringLiteral("referrals.update.children"),
                               QStringLiteral("referrals.update.searchText"),
                               QStringLiteral("referrals.update.pending"),
                               QStringLiteral("referrals.update.pendingAt"),
                               QStringLiteral("referrals.update.where"),
                               QStringLiteral("referrals.clearPending"),
                               QStringLiteral("referrals.withPending"),
                               QStringLiteral("referrals.forVerifying"),
                               QStringLiteral("search.all"),
                               QStringLiteral("persons.all"),
                               QStringLiteral("actions.all"),
                               QStringLiteral("audit.referralsBegun"),
                               QStringLiteral("audit.accountEvents"),
                               QStringLiteral("users.allFailures"),
                               QStringLiteral("migrate.3"),
                               QStringLiteral("migrate.4"),
                               QStringLiteral("migrate.5"),
                               QStringLiteral("migrate.6"),
                               QStringLiteral("migrate.7"),
                               QStringLiteral("migrate.8"),
                               QStringLiteral("migrate.9"),
                               QStringLiteral("migrate.10"),
                               QStringLiteral("audit.insertBeforeStep7"),
                               QStringLiteral("search.sources"),
                               QStringLiteral("audit.hashAt"),
                               QStringLiteral("search.remove"),
                               QStringLiteral("search.add"),
                               QStringLiteral("persons.remove"),
                               QStringLiteral("persons.add"),
                               QStringLiteral("actions.remove"),
                               QStringLiteral("actions.add"),
                               QStringLiteral("events.add"),
                               QStringLiteral("events.prune"),
                               QStringLiteral("events.latest"),
                               QStringLiteral("events.since"),
                               QStringLiteral("events.listed"),
                               QStringLiteral("queries.list.select"),
                               QStringLiteral("queries.count.select"),
                               QStringLiteral("queries.where.listed"),
                               QStringLiteral("queries.where.status"),
                               QStringLiteral("queries.and.profile"),
                               QStringLiteral("queries.and.handler"),
                               QStringLiteral("queries.and.urgent"),
                               QStringLiteral("queries.and.notUrgent"),
                               QStringLiteral("queries.and.undecided"),
                               QStringLiteral("queries.and.dueBefore"),
                               QStringLiteral("queries.and.createdFrom"),
                               QStringLiteral("queries.and.createdTo"),
                               QStringLiteral("queries.list.order"),
                               QStringLiteral("queries.search"),
                               QStringLiteral("queries.possibleMatches"),
                               QStringLiteral("locks.holder"),
                               QStringLiteral("locks.put"),
                               QStringLiteral("locks.renew"),
                               QStringLiteral("locks.release"),
                               QStringLiteral("locks.releaseAll"),
                               QStringLiteral("migrate.2"),
                               QStringLiteral("users.count"),
                               QStringLiteral("users.get"),
                               QStringLiteral("users.all"),
                               QStringLiteral("users.add"),
                               QStringLiteral("users.setDisabled"),
                               QStringLiteral("users.setPassword"),
                               QStringLiteral("users.recentFailures"),
                               QStringLiteral("users.addFailure"),
                               QStringLiteral("users.clearFailures"),
                               QStringLiteral("users.removeAttempt"),
                               QStringLiteral("dashboard.contactsPerDay"),
                               QStringLiteral("dashboard.outcomes"),
                               QStringLiteral("dashboard.overdueActions"),
                               QStringLiteral("dashboard.decisionTimes"),
                               QStringLiteral("referrals.exists"),
                               QStringLiteral("referrals.raiseCounter")};
    QStringList defined = sql.keys();
    for (const QString &key : required) {
        INFO(key.toStdString());
        CHECK(sql.contains(key));
        defined.removeAll(key);
    }
    INFO("defined but not in the required list: " << defined.join(u' ').toStdString());
    CHECK(defined.isEmpty());

    // The server's dialect (issue 19) defines every key the store uses, except the local accounts' (team mode signs in
    // to the server, whose roles are its accounts) and a write's separate statements (one call there,
    // referrals.written); each dialect numbers its own schema steps.
    const SqlCatalog server = SqlCatalog::load(QStringLiteral("postgresql")).value();
    // referrals.update.* (a save's row, in pieces) are standalone-only too: the server's is referrals.written.
    const QStringList standaloneOnly{QStringLiteral("search.remove"),
                                     QStringLiteral("search.add"),
                                     QStringLiteral("persons.remove"),
                                     QStringLiteral("persons.add"),
                                     QStringLiteral("actions.remove"),
                                     QStringLiteral("actions.add"),
                                     QStringLiteral("events.add"),
                                     QStringLiteral("users.add"),
                                     QStringLiteral("users.setDisabled"),
                                     QStringLiteral("users.setPassword"),
                                     QStringLiteral("users.recentFailures"),
                                     QStringLiteral("users.addFailure"),
                                     QStringLiteral("users.clearFailures"),
                                     QStringLiteral("users.removeAttempt"),
                                     QStringLiteral("users.allFailures"),
                                     QStringLiteral("search.sources"),          // step 5's re-index (issue 21)
                                     QStringLiteral("audit.insertBeforeStep7"), // a C++ step before 7
                                     QStringLiteral("audit.insert"),            // the server links with audit.appendAll
                                     QStringLiteral("audit.moveHead")};         // and moves its head as it links
    for (const QString &key : required) {
        if (key.startsWith(QLatin1String("migrate.")))
            continue;
        INFO("postgresql: " << key.toStdString());
        const bool onlyHere = standaloneOnly.contains(key) || key.startsWith(QLatin1String("referrals.update."));
        CHECK(server.contains(key) != onlyHere);
    }
    // What only the server has: its set-up, its schema steps, the one-round-trip forms of a save's writes, the chain
    // checked server-side and a standalone file's imported history.
    const QStringList serverOnly{QStringLiteral("audit.appendAll"),
                                 QStringLiteral("referrals.written"),
                                 QStringLiteral("referrals.typed"),
                                 QStringLiteral("referrals.saved"),
                                 QStringLiteral("events.announce"),
                                 QStringLiteral("events.digest"),
                                 QStringLiteral("audit.firstBrokenLink"),
                                 QStringLiteral("importedHistory.add")};
    for (const QString &key : server.keys()) {
        INFO("postgresql defines " << key.toStdString());
        CHECK((required.contains(key) || serverOnly.contains(key) || key.startsWith(QLatin1String("migrate."))
               || key.startsWith(QLatin1String("server.")) || key.startsWith(QLatin1String("account"))
               || key.startsWith(QLatin1String("serverUsers."))));
    }

    CHECK_FALSE(SqlCatalog::fromText(QStringLiteral("SELECT 1\n-- name: a\nSELECT 2"), QStringLiteral("x.sql")));
    // A whole-line comment is not part of the statement (an apostrophe in it would fool Qt's placeholder parser).
    const Result<SqlCatalog> commented
        = SqlCatalog::fromText(QStringLiteral("-- name: a\n-- the writer's own\nSELECT :x\n"), QStringLiteral("x.sql"));
    REQUIRE(commented);
    CHECK(commented->statement(QStringLiteral("a")) == QStringLiteral("SELECT :x"));
    const Result<SqlCatalog> twice =
        SqlCatalog::fromText(QStringLiteral("-- name: a\nSELECT 1\n-- name: a\nSELECT 2"), QStringLiteral("x.sql"));
    REQUIRE_FALSE(twice);
    CHECK(twice.errorMessage().contains(QStringLiteral("defined twice")));
}

TEST_CASE("Issue 21: a statement put together from pieces runs as one, and a piece this build lacks is named")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Result<QSqlQuery *> counted = f->database().exec(
        QStringList{QStringLiteral("queries.count.select"), QStringLiteral("queries.where.status")},
        QVariantMap{{QStringLiteral("status"), QStringLiteral("draft")}});
    REQUIRE(counted);
    REQUIRE((*counted)->next());
    CHECK((*counted)->value(0).toInt() == 1);
    (*counted)->finish();
    Result<QSqlQuery *> lacking = f->database().exec(
        QStringList{QStringLiteral("queries.count.select"), QStringLiteral("queries.where.nowhere")}, QVariantMap{});
    REQUIRE_FALSE(lacking);
    CHECK(lacking.errorMessage().contains(QStringLiteral("\"queries.where.nowhere\"")));
    CHECK_FALSE(draft.referral.reference.isEmpty());
}

TEST_CASE("Issue 21: the window's store checkpoints between saves, never inside one, and only once the WAL is full")
{
    StoreFixture f;
    Store::Options asTheWindow;
    asTheWindow.checkpointBetweenSaves = true;
    Store &store = f.reopen(asTheWindow);
    StoredReferral draft = store.referrals().createDraft(norfolk(), handler).value();
    Referral typing = draft.referral;
    qint64 revision = draft.revision;
    const QString wal = f.path + QStringLiteral("-wal");
    int saves = 0;
    // Full: checkpointPages frames, each a 24-byte header and its page, after the WAL's own 32-byte header.
    const qint64 full = 32 + qint64(Database::checkpointPages) * (24 + 4096);
    while (QFileInfo(wal).size() < full && saves < 5000) {
        typing.setAnswer(u"concern.nature", Answer::given(QString(2000, QChar(u'a' + saves % 26))));
        revision = store.referrals().save(typing, revision, handler).value().revision;
        ++saves;
    }
    REQUIRE(QFileInfo(wal).size() >= full);
    CHECK(store.database().checkpoints().count == 0); // no save paid for one: none ran inside a commit

    QEventLoop loop; // the window's event loop, between keystrokes
    QTimer::singleShot(600, &loop, &QEventLoop::quit);
    loop.exec();
    CHECK(store.database().checkpoints().count == 1);
    QSqlQuery after(store.database().connection());
    REQUIRE(after.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
    REQUIRE(after.next());
    CHECK(after.value(1).toInt() == after.value(2).toInt()); // every frame in the WAL is in the database now
    CHECK(store.referrals().load(draft.referral.reference)->revision == revision);
}

TEST_CASE("The server's guards are read from its steps as they run: a trigger dropped (also IF EXISTS) or replaced "
          "stands where the last step left it",
          "[issue19]")
{
    CHECK(
        SchemaGuards::serverTriggers(QStringLiteral(
            "CREATE TRIGGER kept BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse();\n"
            "CREATE TRIGGER gone AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION tell();\n"
            "DROP TRIGGER IF EXISTS gone ON frontdoor.events;\n"
            "CREATE OR REPLACE TRIGGER kept BEFORE UPDATE ON frontdoor.audit FOR EACH ROW EXECUTE FUNCTION refuse();\n"
            "DROP TRIGGER never_made ON accounts;\n"))
        == QStringList{QStringLiteral("audit.kept")});

    // The real steps: step 7 dropped the trigger that announced every event; the trail's guards stand.
    const SqlCatalog server = SqlCatalog::load(QStringLiteral("postgresql")).value();
    QString script = server.statement(QStringLiteral("server.prepare"));
    for (int step = 1; server.contains(QStringLiteral("migrate.%1").arg(step)); ++step)
        script += server.statement(QStringLiteral("migrate.%1").arg(step));
    QStringList guards = SchemaGuards::serverTriggers(script);
    CHECK_FALSE(guards.contains(QStringLiteral("events.events_announce")));
    CHECK(std::any_of(guards.cbegin(), guards.cend(), [](const QString &g) { return g.startsWith(u"audit."); }));
    CHECK(guards.removeDuplicates() == 0);
}
