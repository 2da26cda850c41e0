// Team mode (issue 19): `frontdoor server import-database FILE` brings a standalone workstation's database into the
// team's server whole — its trail verified first, every referral keeping its reference and history, a provenance
// event added — and refuses, changing nothing, a file that does not verify or a reference the server already holds.
#include "pgserver.h"
#include "support/referralbuilder.h"
#include "testsupport.h"

#include "store/audittrail.h"
#include "store/store.h"
#include "training/syntheticreferrals.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

struct StandaloneFile
{
    QTemporaryDir folder;
    QString path;
    QStringList references;
    qint64 events = 0;
};

// A workstation's file: two calls by carl (one with a few edits), one discarded by mistake.
void fill(StandaloneFile &file, const QString &carl)
{
    file.path = file.folder.filePath(QStringLiteral("frontdoor.sqlite"));
    FixedClock clock(testNow());
    Store::Options options;
    options.anchorFolder = file.folder.filePath(QStringLiteral("anchors"));
    std::unique_ptr<Store> store = Store::open(file.path, clock, options).value();
    const Actor handler{carl, Role::CallHandler};
    for (int i = 0; i < 3; ++i) {
        StoredReferral draft = store->referrals().createDraft(norfolk(), handler).value();
        Referral referral = draft.referral;
        give(referral, QStringLiteral("concern.nature"), QStringLiteral("Invented concern %1 — Zoë").arg(i));
        clock.advance(60'000);
        SaveReceipt saved = store->referrals().save(referral, draft.revision, handler).value();
        give(referral, QStringLiteral("referrer.name"), QStringLiteral("Tamsin Invented"));
        saved = store->referrals().save(referral, saved.revision, handler).value();
        if (i == 2)
            REQUIRE(store->referrals().discard(
                referral.reference, saved.revision, handler, QStringLiteral("started by mistake")));
        else
            REQUIRE(store->referrals().flush(referral.reference));
        file.references.append(referral.reference);
    }
    QSqlQuery count(store->database().connection());
    REQUIRE(count.exec(QStringLiteral("SELECT count(*) FROM audit")));
    REQUIRE(count.next());
    file.events = count.value(0).toLongLong();
}

Run importInto(const PgServer &server, const QString &file)
{
    return runFrontDoor({QStringLiteral("server"),
                         QStringLiteral("import-database"),
                         file,
                         QStringLiteral("--server"),
                         server.connection(),
                         QStringLiteral("--as"),
                         server.superuser()},
                        server.superuserPassword().toUtf8() + '\n');
}

QString one(const PgServer &server, const QString &sql)
{
    const PgServer::Psql result = server.psql(sql);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result.out;
}

} // namespace

TEST_CASE("server import-database brings a standalone file in whole: references, content, history and provenance "
          "kept, the numbering going on after it",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("import-database"));
    server.initialiseWithPeople();
    const QString carl = server.person(QStringLiteral("carl"));
    StandaloneFile file;
    fill(file, carl);

    const Run imported = importInto(server, file.path);
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains("Imported 3 referral(s)"));

    // Carl signs in to the server and finds his call as he left it, under its own reference.
    std::unique_ptr<Store> desk
        = Store::connect(ServerLogin{server.connection(), carl, QString::fromLatin1(PgServer::password)},
                         Clock::system(),
                         Store::Options{})
              .value();
    const Actor handler{carl, Role::CallHandler};
    Result<StoredReferral> first = desk->referrals().open(file.references.at(0), handler);
    INFO(first.errorMessage().toStdString());
    REQUIRE(first);
    CHECK(first->referral.handler == carl); // the same person, not "(imported)"
    CHECK(first->referral.answer(u"concern.nature").value() == QStringLiteral("Invented concern 0 — Zoë"));
    CHECK(desk->referrals().load(file.references.at(2))->referral.status == ReferralStatus::Discarded);

    // The file's whole trail, byte for byte, and one provenance event per referral under the administrator.
    CHECK(one(server, QStringLiteral("SELECT count(*) FROM frontdoor.imported_history")).toLongLong() == file.events);
    CHECK(one(server,
              QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE kind = 'imported' AND user_id = '%1'")
                  .arg(server.superuser()))
          == QStringLiteral("3"));
    CHECK(one(server,
              QStringLiteral("SELECT count(*) FROM frontdoor.imported_history h JOIN frontdoor.imported_history "
                             "p ON p.source_head = h.source_head AND p.seq = h.seq - 1 WHERE h.prev_hash <> "
                             "p.hash"))
          == QStringLiteral("0")); // its own chain still links from one event to the next
    Result<std::unique_ptr<Database>> sam = server.signIn(QStringLiteral("sam"));
    REQUIRE(sam);
    CHECK(AuditTrail::verifyChain(**sam)->intact);

    // The team's numbering goes on after the imported references.
    StoredReferral next = desk->referrals().createDraft(norfolk(), handler).value();
    CHECK(next.referral.reference.section(u'-', -1).toInt() == 4);

    // The same file again: refused, naming a reference, and nothing written.
    const QString before = one(server,
                               QStringLiteral("SELECT count(*) || '/' || (SELECT count(*) FROM "
                                              "frontdoor.audit) FROM frontdoor.referrals"));
    const Run again = importInto(server, file.path);
    CHECK(again.exitCode != 0);
    CHECK(again.err.contains(file.references.at(0)));
    CHECK(again.err.contains(QStringLiteral("nothing is ever merged")));
    CHECK(one(server,
              QStringLiteral("SELECT count(*) || '/' || (SELECT count(*) FROM frontdoor.audit) FROM "
                             "frontdoor.referrals"))
          == before);
}

TEST_CASE("server import-database refuses a file whose trail does not verify, and writes nothing", "[pg][issue19]")
{
    PgServer server(QStringLiteral("import-tampered"));
    server.initialiseWithPeople();
    StandaloneFile file;
    fill(file, server.person(QStringLiteral("carl")));
    {
        // Changed behind Front Door's back: a concern rewritten in the stored document, no event for it.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        raw.setDatabaseName(file.path);
        REQUIRE(raw.open());
        QSqlQuery tamper(raw);
        REQUIRE(tamper.exec(QStringLiteral("DROP TRIGGER IF EXISTS referrals_no_document_change")));
        REQUIRE(tamper.exec(QStringLiteral("UPDATE referrals SET document = replace(document, 'Invented concern 1', "
                                           "'Rewritten') WHERE reference = '%1'")
                                .arg(file.references.at(1))));
        REQUIRE(tamper.numRowsAffected() == 1);
        tamper.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

    const Run refused = importInto(server, file.path);
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.contains(QStringLiteral("does not verify")));
    CHECK(one(server, QStringLiteral("SELECT count(*) FROM frontdoor.referrals")) == QStringLiteral("0"));
    CHECK(one(server, QStringLiteral("SELECT count(*) FROM frontdoor.imported_history")) == QStringLiteral("0"));
}

TEST_CASE("verify-audit against the server: OK on an honest one, and each change made behind Front Door's back is "
          "named — a rewritten referral, a disabled guard, row-level security turned off",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("verify-audit-server"));
    server.initialiseWithPeople();
    const QString carl = server.person(QStringLiteral("carl"));
    {
        std::unique_ptr<Store> desk
            = Store::connect(ServerLogin{server.connection(), carl, QString::fromLatin1(PgServer::password)},
                             Clock::system(),
                             Store::Options{})
                  .value();
        const Actor handler{carl, Role::CallHandler};
        for (int i = 0; i < 3; ++i) {
            StoredReferral draft = desk->referrals().createDraft(norfolk(), handler).value();
            Referral referral = draft.referral;
            give(referral, QStringLiteral("concern.nature"), QStringLiteral("Invented concern %1").arg(i));
            give(referral, QStringLiteral("referrer.name"), QStringLiteral("Tamsin Invented"));
            REQUIRE(referral.children.size() == 1); // a draft starts with one child
            giveChild(referral, 0, QStringLiteral("name"), QStringLiteral("Zoë Invented-Smythe %1").arg(i));
            giveChild(referral, 0, QStringLiteral("dateOfBirth"), QStringLiteral("2015-03-1%1").arg(i));
            REQUIRE(desk->referrals().save(referral, draft.revision, handler));
        }
        // And calls as varied as the benchmarks' (several children and adults, ages without dates, accents).
        SyntheticReferrals synthetic(7);
        for (int i = 0; i < 5; ++i) {
            StoredReferral draft = desk->referrals().createDraft(norfolk(), handler).value();
            Referral referral = synthetic.next(norfolk(), QDateTime::currentDateTimeUtc().addSecs(-600));
            referral.reference = draft.referral.reference;
            referral.handler = draft.referral.handler;
            referral.callStartedAt = draft.referral.callStartedAt;
            referral.status = draft.referral.status;
            REQUIRE(desk->referrals().save(referral, draft.revision, handler));
        }
    }
    INFO(one(server,
             QStringLiteral("SELECT string_agg(person_id || '|' || kind || '|' || name || '|' || name_folded || '|' || "
                            "given_key || '|' || family_key || '|' || coalesce(birth_date, 'NULL') || '|' || "
                            "coalesce(birth_year::text, 'NULL'), E'\\n') FROM frontdoor.person_keys"))
             .toStdString());
    const auto verify = [&server] {
        return runFrontDoor({QStringLiteral("verify-audit"),
                             QStringLiteral("--server"),
                             server.connection(),
                             QStringLiteral("--as"),
                             server.person(QStringLiteral("sam"))},
                            QByteArray(PgServer::password) + '\n');
    };
    const Run honest = verify();
    INFO(honest.err.toStdString());
    CHECK(honest.exitCode == 0);
    CHECK(honest.outText().contains(QStringLiteral("OK")));
    CHECK(honest.outText().contains(QStringLiteral("8 referrals")));

    // A concern rewritten on the server with no event for it.
    one(server,
        QStringLiteral("UPDATE frontdoor.referrals SET document = replace(document, 'Invented concern 1', "
                       "'Rewritten') WHERE reference LIKE '%-000002'"));
    Run rewritten = verify();
    CHECK(rewritten.exitCode == 1);
    CHECK(rewritten.err.contains(QStringLiteral("-000002")));

    // A guard switched off, and the rows opened to everyone.
    one(server, QStringLiteral("ALTER TABLE frontdoor.audit DISABLE TRIGGER audit_no_update"));
    one(server, QStringLiteral("ALTER TABLE frontdoor.referrals DISABLE ROW LEVEL SECURITY"));
    const Run guards = verify();
    CHECK(guards.exitCode == 1);
    CHECK(guards.err.contains(QStringLiteral("audit.audit_no_update was disabled")));
    CHECK(guards.err.contains(QStringLiteral("row-level security was turned off on referrals")));
}

TEST_CASE("In team mode, backup, restore, export and import from the command line say what to do instead of opening a "
          "local file",
          "[pg][issue19]")
{
    for (const char *command : {"backup", "restore", "export", "import"}) {
        INFO(command);
        const Run refused = runFrontDoor({QString::fromLatin1(command),
                                          QStringLiteral("--server"),
                                          QStringLiteral("host=/nonexistent dbname=frontdoor")});
        CHECK(refused.exitCode == 2);
        CHECK(refused.err.contains(QStringLiteral("in team mode")));
    }
    // --db still names a standalone file (checking one before server import-database, say).
    QTemporaryDir folder;
    const Run local = runFrontDoor({QStringLiteral("backup"),
                                    QStringLiteral("--server"),
                                    QStringLiteral("host=/nonexistent dbname=frontdoor"),
                                    QStringLiteral("--db"),
                                    folder.filePath(QStringLiteral("none.sqlite"))});
    CHECK_FALSE(local.err.contains(QStringLiteral("in team mode")));
}
