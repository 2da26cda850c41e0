// verify-audit covers everything that decides what people see (issue 17): each change below is made with raw SQL
// behind Front Door's back, as someone holding the file would, and each is named exactly. Before issue 17 every one
// of them verified "OK".

#include <catch2/catch.hpp>

#include "verifyfixture.h"

#include "referral/fields.h"

#include <QFile>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("An untouched file with referrals of every kind and accounts verifies whole", "[issue17]")
{
    Filled d;
    const AuditVerifier::Report report = d.verify();
    INFO(report.summary().toStdString());
    CHECK(report.intact());
    CHECK(report.referralsChecked == 5);
    CHECK(report.accountsChecked == 2);
    CHECK(d.f.rawValue(QStringLiteral("SELECT count(*) FROM actions")).toInt() > 0);
    CHECK(d.f.rawValue(QStringLiteral("SELECT count(*) FROM person_keys")).toInt() > 0);
}

TEST_CASE("A whole referral deleted with its derived rows is named with the event that began it", "[issue17]")
{
    Filled d;
    const QString gone = d.imported.first();
    d.deleteWholly(gone);
    requireFinding(d.verify(), QStringLiteral("referral %1, begun at event").arg(gone));
}

TEST_CASE("Each queue column changed outside Front Door is named, with what the record makes it", "[issue17]")
{
    Filled d;
    const QString reference = d.imported.first();
    const auto changed = [&](const QString &set, const QString &column) {
        Filled fresh;
        const QString ref = fresh.imported.first();
        fresh.f.rawExec(QStringLiteral("UPDATE referrals SET %1 WHERE reference = '%2'").arg(set, ref));
        requireFinding(fresh.verify(), QStringLiteral("referral %1: its %2 column reads").arg(ref, column));
    };
    SECTION("urgent") { changed(QStringLiteral("urgent = 1 - urgent"), QStringLiteral("urgent")); }
    SECTION("handler") { changed(QStringLiteral("handler = 'u-other'"), QStringLiteral("handler")); }
    SECTION("status") { changed(QStringLiteral("status = 'closed'"), QStringLiteral("status")); }
    SECTION("next_due") { changed(QStringLiteral("next_due = '2099-01-01T00:00:00.000Z'"), QStringLiteral("next_due")); }
    SECTION("children_summary")
    {
        changed(QStringLiteral("children_summary = 'Someone Else'"), QStringLiteral("children_summary"));
    }
    CHECK_FALSE(reference.isEmpty());
}

TEST_CASE("The search entry, the known-child keys and the follow-up actions changed are each named", "[issue17]")
{
    Filled d;
    const QString reference = d.imported.first();
    const qint64 id = d.idOf(reference);
    SECTION("search entry replaced")
    {
        d.f.rawExec(QStringLiteral("DELETE FROM referral_search WHERE rowid = %1; INSERT INTO referral_search (rowid, "
                                   "body) VALUES (%1, 'Nobody Atall')").arg(id));
        requireFinding(d.verify(), QStringLiteral("referral %1: its search entry").arg(reference));
    }
    SECTION("a search entry for no referral")
    {
        d.f.rawExec(QStringLiteral("INSERT INTO referral_search (rowid, body) VALUES (99999, 'Invented Phantom')"));
        requireFinding(d.verify(), QStringLiteral("a search entry (row 99999) belongs to no referral"));
    }
    SECTION("known-child keys deleted")
    {
        d.f.rawExec(QStringLiteral("DELETE FROM person_keys WHERE referral_id = %1").arg(id));
        requireFinding(d.verify(), QStringLiteral("referral %1: its known-child keys").arg(reference));
    }
    SECTION("a follow-up action marked done")
    {
        d.f.rawExec(QStringLiteral("UPDATE actions SET status = 'done' WHERE referral_id = %1").arg(id));
        requireFinding(d.verify(), QStringLiteral("referral %1: its follow-up action rows").arg(reference));
    }
}

TEST_CASE("Accounts changed outside Front Door are named: role, password, disabled, added, failures", "[issue17]")
{
    Filled d;
    SECTION("role raised")
    {
        d.f.rawExec(QStringLiteral("UPDATE users SET role = 'administrator' WHERE id = 'sam'"));
        requireFinding(d.verify(), QStringLiteral("account sam: its role is [\"administrator\"], but the trail records "
                                                  "[\"supervisor\"]"));
    }
    SECTION("password hash replaced")
    {
        d.f.rawExec(QStringLiteral("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = "
                                   "'root') WHERE id = 'sam'"));
        requireFinding(d.verify(), QStringLiteral("account sam: its password was changed outside Front Door"));
    }
    SECTION("disabled flag set")
    {
        d.f.rawExec(QStringLiteral("UPDATE users SET disabled = 1 WHERE id = 'sam'"));
        requireFinding(d.verify(), QStringLiteral("account sam: its disabled is [true], but the trail records [false]"));
    }
    SECTION("an account added")
    {
        d.f.rawExec(QStringLiteral("INSERT INTO users SELECT 'mallory', 'Mallory', 'administrator', password_hash, 0, "
                                   "created_at, 'root', created_at FROM users WHERE id = 'root'"));
        requireFinding(d.verify(), QStringLiteral("account mallory is not in the audit trail"));
    }
    SECTION("failed sign-ins deleted to lift the wait")
    {
        d.f.reopen([] {
            Store::Options cheap;
            cheap.passwordCost = cheapHashing;
            return cheap;
        }());
        for (int i = 0; i < 3; ++i)
            CHECK_FALSE(d.f->accounts().signIn(QStringLiteral("sam"), QStringLiteral("wrong password %1").arg(i)));
        d.f.close();
        CHECK(d.verify().intact());
        d.f.rawExec(QStringLiteral("DELETE FROM sign_in_failures WHERE user_id = 'sam'"));
        requireFinding(d.verify(), QStringLiteral("the failed sign-in of sam at"));
    }
}

TEST_CASE("Append-only guards dropped: verify-audit names each, and no writable opening is allowed", "[issue17]")
{
    Filled d;
    d.f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; "
                               "DROP TRIGGER audit_head_no_delete; DROP TRIGGER users_no_delete;"));
    const AuditVerifier::Report report = d.verify();
    for (const char *guard : {"audit_no_update", "audit_no_delete", "audit_head_no_delete", "users_no_delete"})
        requireFinding(report, QStringLiteral("the guard %1").arg(QLatin1String(guard)));

    const QByteArray before = fileDigest(d.f.path);
    Result<std::unique_ptr<Store>> writable = Store::open(d.f.path, d.f.clock);
    REQUIRE_FALSE(writable);
    CHECK(writable.errorMessage().contains(QStringLiteral("was changed outside Front Door")));
    CHECK(writable.errorMessage().contains(QStringLiteral("Nothing was written")));
    CHECK(fileDigest(d.f.path) == before);

    SECTION("a guard altered to do nothing is named too")
    {
        d.f.rawExec(QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;"));
        requireFinding(d.verify(), QStringLiteral("the guard audit_no_update (a trigger that protects the trail or the "
                                                  "accounts) was altered"));
    }
}

TEST_CASE("A second conversation with a duplicate id written into the stored document is named", "[issue17]")
{
    Filled d;
    d.f.reopen();
    const QString reference = QStringLiteral("NOR-2026-000001");
    StoredReferral stored = d.f->referrals().load(reference).value();
    stored.referral.conversations.append(Conversation{QStringLiteral("v1"), testNow(), QStringLiteral("caller"),
                                                      QStringLiteral("telephone"), QStringLiteral("the caller"),
                                                      QStringLiteral("Invented summary"), QString(), handler.userId});
    REQUIRE(d.f->referrals().save(stored.referral, stored.revision, handler));
    REQUIRE(d.f->referrals().flush(reference));
    d.f.close();
    REQUIRE(d.verify().intact());
    // The first conversation again, with the same id: a flat state keyed by id would not see it.
    d.f.rawExec(QStringLiteral("UPDATE referrals SET document = json_set(document, '$.conversations[#]', "
                               "json(json_extract(document, '$.conversations[0]'))) WHERE reference = '%1'").arg(reference));
    REQUIRE(d.f.rawValue(QStringLiteral("SELECT json_array_length(document, '$.conversations') FROM referrals WHERE "
                                        "reference = '%1'").arg(reference)).toInt() == 2);
    requireFinding(d.verify(), QStringLiteral("referral %1 holds a state its audit trail does not record").arg(reference));
}

TEST_CASE("A database of the previous version gets its accounts recorded at the upgrade, then verifies them",
          "[issue17]")
{
    StoreFixture f;
    f.close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(f.path + QLatin1String(suffix)); // the fixture made a database of this version: start again
    {
        Result<SqlCatalog> sql = SqlCatalog::load(QStringLiteral("sqlite"));
        REQUIRE(sql);
        QList<Migration> upToTwo = Database::builtInMigrations(*sql);
        while (upToTwo.last().version > 2)
            upToTwo.removeLast();
        Result<std::unique_ptr<Database>> old = Database::open(f.path, Database::Options{}, upToTwo);
        REQUIRE(old);
        REQUIRE((*old)->schemaVersion() == 2);
        // An account as the previous version made it: its creation event carried no state.
        f.rawExec(QStringLiteral("INSERT INTO users VALUES ('root', 'Root', 'administrator', 'argon-hash', 0, "
                                 "'2026-11-01T09:00:00.000Z', 'root', '2026-11-01T09:00:00.000Z')"));
    }
    f.reopen();
    CHECK(f->database().schemaVersion() == Database::latestSchemaVersion);
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'accountsRecorded'")).toInt() == 1);
    Result<AuditVerifier::Report> report = AuditVerifier::verify(f->database());
    REQUIRE(report);
    INFO(report->summary().toStdString());
    CHECK(report->intact());
    CHECK(report->accountsChecked == 1);
    f.close();
    f.rawExec(QStringLiteral("UPDATE users SET disabled = 1 WHERE id = 'root'"));
    f.reopen();
    report = AuditVerifier::verify(f->database());
    REQUIRE(report);
    CHECK_FALSE(report->intact());
}

TEST_CASE("Database step 4 rebuilds the referrals table for 'discarded': ids, search and the trail survive whole",
          "[issue18]")
{
    StoreFixture f;
    f.close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(f.path + QLatin1String(suffix));
    QStringList references;
    {
        Result<SqlCatalog> sql = SqlCatalog::load(QStringLiteral("sqlite"));
        REQUIRE(sql);
        QList<Migration> upToThree = Database::builtInMigrations(*sql);
        while (upToThree.last().version > 3)
            upToThree.removeLast();
        Result<std::unique_ptr<Database>> old = Database::open(f.path, Database::Options{}, upToThree);
        REQUIRE(old);
        REQUIRE((*old)->schemaVersion() == 3);
        ReferralRepository referrals(**old, f.clock, installedCalendar(), QStringLiteral("old-release"));
        for (const QString &name : {QStringLiteral("Ada Testchild"), QStringLiteral("Bryn Ó Invented")}) {
            StoredReferral d = referrals.createDraft(norfolk(), handler).value();
            d.referral.children[0].answers.insert(QStringLiteral("name"), Answer::given(name));
            REQUIRE(referrals.save(d.referral, d.revision, handler));
            references.append(d.referral.reference);
        }
    }
    f.reopen();
    CHECK(f->database().schemaVersion() == Database::latestSchemaVersion);
    Result<AuditVerifier::Report> report = AuditVerifier::verify(f->database());
    REQUIRE(report);
    INFO(report->summary().toStdString());
    CHECK(report->intact());
    CHECK(report->referralsChecked == 2);
    const Result<QList<ReferralSummary>> found = f->queries().search(QStringLiteral("Bryn"), supervisor);
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK(found->constFirst().reference == references.at(1));
    CHECK(f.rawValue(QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
}

TEST_CASE("Issue 21: referrals worked out on every core, 512 at a time, are each named in order across the batches")
{
    StoreFixture f;
    QStringList references;
    for (int i = 0; i < 1100; ++i) { // three batches: 512, 512 and 76
        FrontDoor::StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        references.append(draft.referral.reference);
    }
    requireIntact(f);
    f.close();
    // One changed in each batch, and one at each edge of the first: the findings name each, in the file's order.
    const QList<int> changed{0, 511, 512, 1099};
    for (int i : changed)
        f.rawExec(QStringLiteral("UPDATE referrals SET children_summary = 'Someone Else' WHERE reference = '%1'")
                      .arg(references.at(i)));
    FrontDoor::Store::Options readOnly;
    readOnly.readOnly = true;
    f.reopen(readOnly);
    const FrontDoor::AuditVerifier::Report report = FrontDoor::AuditVerifier::verify(f->database()).value();
    INFO(report.summary().toStdString());
    CHECK(report.referralsChecked == 1100);
    REQUIRE(report.findings.size() == changed.size());
    for (qsizetype k = 0; k < changed.size(); ++k)
        CHECK(report.findings.at(k).startsWith(
            QStringLiteral("referral %1: its children_summary column reads").arg(references.at(changed.at(k)))));
}
