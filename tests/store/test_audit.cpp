// The audit trail cannot be quietly altered (issue 4; NOR-D1, NOR-D2): the triggers refuse edits made through
// SQL, and the hash chain catches every kind of edit made behind the app's back with the triggers dropped.

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/auditverifier.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// As verify-audit opens it: read-only, so a file with its guards dropped still opens to be reported on.
AuditVerifier::Report verify(StoreFixture &f)
{
    Store::Options readOnly;
    readOnly.readOnly = true;
    f.reopen(readOnly);
    Result<AuditVerifier::Report> report = AuditVerifier::verify(f->database());
    REQUIRE(report);
    return *report;
}

const QString dropTriggers = QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");

} // namespace

TEST_CASE("An untouched trail verifies, with its count and head hash")
{
    StoreFixture f;
    fillInvented(f, true); // about a dozen events
    const AuditVerifier::Report report = verify(f);
    INFO(report.summary().toStdString());
    CHECK(report.intact());
    CHECK(report.chain.events >= 12);
    CHECK(report.chain.headHash.size() == 64);
    CHECK(report.referralsChecked == 3);
    CHECK(report.summary().startsWith(QStringLiteral("OK: ")));
}

TEST_CASE("The audit table refuses UPDATE and DELETE")
{
    StoreFixture f;
    fillInvented(f, true); // about a dozen events
    QSqlQuery q(f->database().connection());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE audit SET user_id = 'someone' WHERE seq = 2")));
    CHECK(q.lastError().text().contains(QStringLiteral("append-only")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit WHERE seq = 2")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit_head")));
}

TEST_CASE("Every kind of edit behind the app's back is caught, at the exact event")
{
    StoreFixture f;
    fillInvented(f, true); // about a dozen events
    const int total = f.rawValue(QStringLiteral("SELECT count(*) FROM audit")).toInt();
    REQUIRE(total >= 12);
    f.close();

    SECTION("a payload edited")
    {
        const qint64 seq
            = f.rawValue(QStringLiteral("SELECT min(seq) FROM audit WHERE payload LIKE '%Neighbour%'")).toLongLong();
        REQUIRE(seq > 1);
        f.rawExec(dropTriggers
                  + QStringLiteral("UPDATE audit SET payload = replace(payload, 'Neighbour', 'Nobody') "
                                   "WHERE seq = %1")
                        .arg(seq));
        const AuditVerifier::Report report = verify(f);
        CHECK_FALSE(report.intact());
        CHECK(report.chain.brokenAt == seq);
        CHECK(report.chain.problem.contains(QStringLiteral("altered")));
    }
    SECTION("the user changed")
    {
        f.rawExec(dropTriggers + QStringLiteral("UPDATE audit SET user_id = 'u-someone-else' WHERE seq = 5"));
        CHECK(verify(f).chain.brokenAt == 5);
    }
    SECTION("the time changed")
    {
        f.rawExec(dropTriggers + QStringLiteral("UPDATE audit SET at = '2026-11-20T09:00:00.000Z' WHERE seq = 4"));
        CHECK(verify(f).chain.brokenAt == 4);
    }
    SECTION("a row deleted from the middle")
    {
        f.rawExec(dropTriggers + QStringLiteral("DELETE FROM audit WHERE seq = 6"));
        const AuditVerifier::Report report = verify(f);
        CHECK(report.chain.brokenAt == 6);
        CHECK(report.chain.problem.contains(QStringLiteral("missing")));
    }
    SECTION("the latest rows deleted")
    {
        f.rawExec(dropTriggers + QStringLiteral("DELETE FROM audit WHERE seq >= %1").arg(total - 1));
        const AuditVerifier::Report report = verify(f);
        CHECK_FALSE(report.intact());
        CHECK(report.chain.brokenAt == total - 1);
        CHECK(report.chain.problem.contains(QStringLiteral("head")));
    }
    SECTION("the latest change deleted and the head rewound to match")
    {
        // A forger who deletes the last event and rewinds the head row leaves a consistent chain — but the
        // referral's stored state is no longer the state its trail vouches for.
        f.reopen();
        StoredReferral last = f->referrals().load(QStringLiteral("NOR-2026-000003")).value();
        Referral r = last.referral;
        r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Changed Name")));
        r.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Changed Role")));
        REQUIRE(f->referrals().save(r, last.revision, handler));
        f.close();
        const int now = f.rawValue(QStringLiteral("SELECT count(*) FROM audit")).toInt();
        f.rawExec(dropTriggers
                  + QStringLiteral(
                        "DELETE FROM audit WHERE seq = %1; "
                        "UPDATE audit_head SET seq = %2, hash = (SELECT lower(hex(hash)) FROM audit WHERE seq = %2)")
                        .arg(now)
                        .arg(now - 1));
        const AuditVerifier::Report report = verify(f);
        CHECK(report.chain.intact);
        CHECK_FALSE(report.intact());
        CHECK(report.alteredReferral == QStringLiteral("NOR-2026-000003"));
    }
    SECTION("two rows swapped")
    {
        f.rawExec(dropTriggers + QStringLiteral("UPDATE audit SET seq = -1 WHERE seq = 7; "
                                                "UPDATE audit SET seq = 7 WHERE seq = 8; "
                                                "UPDATE audit SET seq = 8 WHERE seq = -1;"));
        CHECK(verify(f).chain.brokenAt == 7);
    }
    SECTION("a row inserted")
    {
        f.rawExec(dropTriggers
                  + QStringLiteral("UPDATE audit SET seq = seq + 1000 WHERE seq >= 4; "
                                   "UPDATE audit SET seq = seq - 999 WHERE seq >= 1004; "
                                   "INSERT INTO audit (seq, reference, user_id, at, kind, payload, hash) "
                                   "SELECT 4, reference, user_id, at, kind, payload, hash FROM audit WHERE seq = 3;"));
        const AuditVerifier::Report report = verify(f);
        CHECK_FALSE(report.intact());
        CHECK(report.chain.brokenAt == 4);
    }
    SECTION("a referral's stored state edited directly")
    {
        f.rawExec(QStringLiteral("UPDATE referrals SET document = replace(document, 'Invented Caller 1', 'Someone Else')"));
        const AuditVerifier::Report report = verify(f);
        CHECK(report.chain.intact);
        CHECK_FALSE(report.intact());
        CHECK(report.alteredReferral == QStringLiteral("NOR-2026-000002"));
    }
}
