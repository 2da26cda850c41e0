// Team mode (issue 19): the role matrix of core/access/permissions, enforced by the server itself. Each role is tried
// with psql behind Front Door's back — what a person with their own password and the client could do.
#include "pgserver.h"

#include "access/permissions.h"
#include "common/clock.h"
#include "store/audittrail.h"

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QString
insertReferral(const QString &reference, const QString &handler, const QString &status = QStringLiteral("draft"))
{
    return QStringLiteral("INSERT INTO frontdoor.referrals (reference, profile, status, handler, call_started_at, "
                          "created_at, updated_at, updated_by, revision, document) VALUES ('%1', 'norfolk-cads', '%3', "
                          "'%2', 't', 't', 't', '%2', 1, '{\"invented\":true}') RETURNING id")
        .arg(reference, handler, status);
}

} // namespace

TEST_CASE("Behind Front Door's back each role reaches only what the permission matrix allows", "[pg][issue19]")
{
    PgServer server(QStringLiteral("roles"));
    server.initialiseWithPeople();
    const QString carl = server.person(QStringLiteral("carl"));
    const QString cara = server.person(QStringLiteral("cara"));
    const QString sam = server.person(QStringLiteral("sam"));
    const QString ada = server.person(QStringLiteral("ada"));

    // CreateReferral, ViewOwnReferral, EditOwnDraft: a call-handler's own.
    REQUIRE(isAllowed(Role::CallHandler, Operation::CreateReferral));
    const PgServer::Psql own = server.psql(insertReferral(QStringLiteral("NOR-1"), carl), carl);
    INFO(own.err.toStdString());
    REQUIRE(own.exitCode == 0);
    const QString ownId = own.out.section(QLatin1Char('\n'), 0, 0);
    CHECK(server
              .psql(QStringLiteral(
                        "INSERT INTO frontdoor.referral_search (referral_id, body, words) VALUES (%1, 'Zoë', 'zoe')")
                        .arg(ownId),
                    carl)
              .exitCode
          == 0);
    CHECK(server
              .psql(QStringLiteral("UPDATE frontdoor.referrals SET revision = 2 WHERE reference = 'NOR-1' RETURNING 1"),
                    carl)
              .out
          == QLatin1String("1"));

    // Not in another's name, and not someone else's referral (ViewAnyReferral, EditAnyDraft are a supervisor's).
    REQUIRE(!isAllowed(Role::CallHandler, Operation::ViewAnyReferral));
    CHECK(server.psql(insertReferral(QStringLiteral("NOR-2"), cara), carl)
              .err.contains(QLatin1String("row-level security")));
    REQUIRE(server.psql(insertReferral(QStringLiteral("NOR-3"), cara), cara).exitCode == 0);
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.referrals"), carl).out == QLatin1String("1"));
    CHECK(server
              .psql(QStringLiteral(
                        "UPDATE frontdoor.referrals SET document = '{}' WHERE reference = 'NOR-3' RETURNING 1"),
                    carl)
              .out.isEmpty());
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.referral_search"), cara).out
          == QLatin1String("0"));
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.person_keys"), cara).exitCode == 0);
    // Row-level security's "one's own referral" (is_own_referral, put into each statement's own plan since step 6)
    // still tells another's referral from one's own. It names frontdoor.referrals in full, and nobody on the staff
    // may make a table of their own to stand first on a search path: not even a temporary one.
    const QString caraRow
        = server.psql(QStringLiteral("SELECT id FROM frontdoor.referrals WHERE reference = 'NOR-3'"), cara).out;
    REQUIRE(server
                .psql(QStringLiteral("INSERT INTO frontdoor.referral_search (referral_id, body, words) "
                                     "VALUES (%1, 'Zoë', 'zoe')")
                          .arg(caraRow),
                      cara)
                .exitCode
            == 0);
    CHECK(
        server
            .psql(QStringLiteral("SELECT count(*) FROM frontdoor.referral_search WHERE referral_id = %1").arg(caraRow),
                  carl)
            .out
        == QLatin1String("0"));
    CHECK(server
              .psql(QStringLiteral("INSERT INTO frontdoor.person_keys (referral_id, person_id, kind, name, "
                                   "name_folded, given_key, family_key) VALUES (%1, 'p1', 'child', 'Zoë', 'zoe', 'S', "
                                   "'Z')")
                        .arg(caraRow),
                    carl)
              .err.contains(QLatin1String("row-level security")));
    CHECK(server.psql(QStringLiteral("CREATE TEMP TABLE referrals (id bigint, handler text)"), carl)
              .err.contains(QLatin1String("permission denied")));
    // Handing one's draft to someone else is not editing it.
    CHECK(server
              .psql(QStringLiteral("UPDATE frontdoor.referrals SET handler = '%1' WHERE reference = 'NOR-1'").arg(cara),
                    carl)
              .err.contains(QLatin1String("row-level security")));

    // Submitted: no longer the call-handler's to edit (AmendSubmitted is a supervisor's).
    REQUIRE(!isAllowed(Role::CallHandler, Operation::AmendSubmitted));
    CHECK(server
              .psql(QStringLiteral(
                        "UPDATE frontdoor.referrals SET status = 'submitted' WHERE reference = 'NOR-1' RETURNING 1"),
                    carl)
              .out
          == QLatin1String("1"));
    CHECK(server
              .psql(QStringLiteral(
                        "UPDATE frontdoor.referrals SET document = '{}' WHERE reference = 'NOR-1' RETURNING 1"),
                    carl)
              .out.isEmpty());
    CHECK(
        server.psql(QStringLiteral("UPDATE frontdoor.referrals SET status = 'decided' WHERE reference = 'NOR-3'"), cara)
            .err.contains(QLatin1String("row-level security")));

    // A supervisor reads and amends every referral, and decides.
    REQUIRE(isAllowed(Role::Supervisor, Operation::AmendSubmitted));
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.referrals"), sam).out == QLatin1String("2"));
    CHECK(server
              .psql(QStringLiteral(
                        "UPDATE frontdoor.referrals SET status = 'decided' WHERE reference = 'NOR-1' RETURNING 1"),
                    sam)
              .out
          == QLatin1String("1"));

    // An administrator manages accounts and reads no case content.
    REQUIRE(!isAllowed(Role::Administrator, Operation::ViewAnyReferral));
    for (const char *table : {"referrals", "person_keys", "referral_search", "actions", "audit"}) {
        INFO(table);
        CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.%1").arg(QLatin1String(table)), ada)
                  .err.contains(QLatin1String("permission denied")));
    }
    CHECK(server
              .psql(QStringLiteral("SELECT count(*) FROM frontdoor.possible_matches('x', 'y', 0, 99999, NULL, NULL, "
                                   "NULL, NULL, NULL)"),
                    ada)
              .err.contains(QLatin1String("permission denied")));
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM frontdoor.users"), ada).exitCode == 0);

    // The known-child check (a call-handler's) answers with the check's columns only, through its function.
    CHECK(server
              .psql(QStringLiteral("SELECT count(*) FROM frontdoor.possible_matches('x', 'y', 0, 99999, NULL, NULL, "
                                   "NULL, NULL, NULL)"),
                    carl)
              .exitCode
          == 0);

    // Nobody on the staff changes the trail or its head, or the schema.
    for (const QString &who : {carl, sam, ada}) {
        INFO(who.toStdString());
        for (const char *statement : {"UPDATE frontdoor.audit SET payload = '{}'",
                                      "DELETE FROM frontdoor.audit",
                                      "TRUNCATE frontdoor.audit",
                                      "UPDATE frontdoor.audit_head SET seq = 0",
                                      "DELETE FROM frontdoor.audit_head",
                                      "DROP TABLE frontdoor.referrals",
                                      "ALTER TABLE frontdoor.referrals DISABLE ROW LEVEL SECURITY",
                                      "CREATE TABLE frontdoor.mine (x int)",
                                      "UPDATE frontdoor.users SET role = 'administrator'",
                                      "DELETE FROM frontdoor.referrals"}) {
            INFO(statement);
            const PgServer::Psql tried = server.psql(QString::fromLatin1(statement), who);
            CHECK(tried.exitCode != 0);
            CHECK((tried.err.contains(QLatin1String("permission denied"))
                   || tried.err.contains(QLatin1String("must be owner"))));
        }
    }
}

TEST_CASE("A connection string whose first host is down reaches the second, and a server that is away says so",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("failover"));
    server.initialiseWithPeople();
    const QString carl = server.person(QStringLiteral("carl"));

    // A port nothing listens on stands for the primary that went down; libpq tries the next host in the list.
    const QString failover
        = QStringLiteral("host=127.0.0.1,127.0.0.1 port=1,%1 dbname=%2 target_session_attrs=read-write")
              .arg(server.port(), server.database());
    Result<std::unique_ptr<Database>> reached
        = Database::connect(ServerLogin{failover, carl, QString::fromLatin1(PgServer::password)});
    INFO(reached.errorMessage().toStdString());
    CHECK(reached);

    Result<std::unique_ptr<Database>> away = Database::connect(
        ServerLogin{QStringLiteral("host=127.0.0.1 port=1 dbname=x"), carl, QString::fromLatin1(PgServer::password)});
    REQUIRE(!away);
    CHECK(away.error().code == ErrorCode::Unreachable);
    CHECK(away.errorMessage().contains(QLatin1String("cannot be reached")));

    // IT's string never carries a person or a password.
    Result<std::unique_ptr<Database>> shared = Database::connect(ServerLogin{
        server.connection() + QStringLiteral(" password=shared"), carl, QString::fromLatin1(PgServer::password)});
    REQUIRE(!shared);
    CHECK(shared.errorMessage().contains(QLatin1String("names a user or a password")));
}

TEST_CASE("A desk that holds the chain's head does not stop the others for ever: they are told within seconds",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("lock-timeout"));
    server.initialiseWithPeople();
    const QString sam = server.person(QStringLiteral("sam"));
    Result<std::unique_ptr<Database>> stuck = server.signIn(QStringLiteral("carl"));
    Result<std::unique_ptr<Database>> waiting = server.signIn(QStringLiteral("sam"));
    REQUIRE(stuck);
    REQUIRE(waiting);
    // Carl's desk begins writing and goes no further (a frozen program; its transaction holds the head).
    WriteTransaction held(**stuck);
    REQUIRE(held.begin());
    REQUIRE((*stuck)->exec(QStringLiteral("audit.head")));
    const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    Result<qint64> blocked = AuditTrail::record(**waiting, {}, sam, at, AuditKind::Viewed, {});
    REQUIRE(!blocked);
    CHECK(blocked.error().code == ErrorCode::DatabaseBusy);
    // Once Carl's desk lets go, Sam's next event goes in, the chain unbroken.
    static_cast<void>(held.commit());
    CHECK(AuditTrail::record(**waiting, {}, sam, at, AuditKind::Viewed, {}));
    CHECK(server.psql(QStringLiteral("SELECT frontdoor.first_broken_link() IS NULL")).out == QLatin1String("t"));
}
