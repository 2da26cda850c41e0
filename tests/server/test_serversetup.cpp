// Team mode (issue 19): the server's schema, accounts as login roles, and what the database itself enforces — tried
// against a real PostgreSQL 15 cluster (support/pgcluster.sh), through Front Door and behind its back with psql.
#include "pgserver.h"
#include "testsupport.h"

#include "store/audittrail.h"
#include "store/database.h"
#include "store/serveraccounts.h"
#include "store/serversetup.h"

#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

Run serverCommand(const PgServer &server, const QString &action)
{
    return runFrontDoor({QStringLiteral("server"),
                         action,
                         QStringLiteral("--server"),
                         server.connection(),
                         QStringLiteral("--as"),
                         server.superuser()},
                        server.superuserPassword().toUtf8() + '\n');
}

} // namespace

TEST_CASE("server init creates the schema once, migrate finds it up to date, a second init changes nothing",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("init-once"));
    Run status = serverCommand(server, QStringLiteral("status"));
    CHECK(status.exitCode == 1);
    CHECK(status.outText().contains(QLatin1String("Schema version 0")));

    Run init = serverCommand(server, QStringLiteral("init"));
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.outText().contains(QStringLiteral("now version %1").arg(ServerSetup::latestVersion)));

    Run again = serverCommand(server, QStringLiteral("init"));
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QLatin1String("already holds")));
    Run migrate = serverCommand(server, QStringLiteral("migrate"));
    CHECK(migrate.exitCode == 0);
    CHECK(migrate.outText().contains(QLatin1String("up to date")));
    status = serverCommand(server, QStringLiteral("status"));
    CHECK(status.exitCode == 0);
    CHECK(status.outText().contains(QLatin1String("Audit chain: unbroken")));
    Run settings = runFrontDoor({QStringLiteral("settings"), QStringLiteral("--server"), server.connection()});
    CHECK(settings.outText().contains(
        QStringLiteral("Mode: team — the PostgreSQL server %1 (from --server)").arg(server.connection())));

    // A workstation refuses a schema it does not know, and names the command that mends it.
    const ServerLogin dba{server.connection(), server.superuser(), server.superuserPassword()};
    REQUIRE(server.psql(QStringLiteral("UPDATE frontdoor.schema_version SET version = 99")).exitCode == 0);
    Result<std::unique_ptr<Database>> newer = Database::connect(dba);
    REQUIRE(!newer);
    CHECK(newer.error().code == ErrorCode::DatabaseTooNew);
    REQUIRE(server.psql(QStringLiteral("UPDATE frontdoor.schema_version SET version = 0")).exitCode == 0);
    Result<std::unique_ptr<Database>> empty = Database::connect(dba);
    REQUIRE(!empty);
    CHECK(empty.errorMessage().contains(QLatin1String("frontdoor server init")));
    REQUIRE(
        server.psql(QStringLiteral("UPDATE frontdoor.schema_version SET version = %1").arg(ServerSetup::latestVersion))
            .exitCode
        == 0);
    CHECK(Database::connect(dba));

    // Nobody outside Front Door's roles may even connect to the database.
    CHECK(server.psql(QStringLiteral("CREATE ROLE stranger_%1 LOGIN PASSWORD 'stranger pass'").arg(server.database()))
              .exitCode
          == 0);
    const PgServer::Psql stranger = server.psql(QStringLiteral("SELECT 1"),
                                                QStringLiteral("stranger_%1").arg(server.database()),
                                                QStringLiteral("stranger pass"));
    CHECK(stranger.exitCode != 0);
    CHECK(stranger.err.contains(QLatin1String("permission denied for database")));
}

TEST_CASE(
    "Issue 21: server migrate takes a version 2 server to the latest — the known-child check reads only who can match, "
    "with no limit, and the home screen's lists have their indexes",
    "[pg][issue21]")
{
    PgServer server(QStringLiteral("migrate-three"));
    REQUIRE(serverCommand(server, QStringLiteral("init")).exitCode == 0);
    // As the release before left it: version 2, the function of four arguments that read at most 5,000 candidates.
    const PgServer::Psql before = server.psql(QStringLiteral(
        "DROP FUNCTION frontdoor.possible_matches(text, text, integer, integer, text, text, text, text, text); "
        "CREATE FUNCTION frontdoor.possible_matches(p_family text, p_given text, p_year integer, p_exclude text) "
        "RETURNS TABLE (person_id text, kind text, name text, name_folded text, given_key text, family_key text, "
        "birth_date text, birth_year integer, reference text, status text, call_started_at text) "
        "STABLE LANGUAGE sql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$ "
        "SELECT p.person_id, p.kind, p.name, p.name_folded, p.given_key, p.family_key, p.birth_date, p.birth_year, "
        "r.reference, r.status, r.call_started_at FROM person_keys AS p JOIN referrals AS r ON r.id = p.referral_id "
        "WHERE (p.family_key = p_family OR p.given_key = p_given) LIMIT 5000 $fn$; "
        "DROP INDEX frontdoor.referrals_handler; DROP INDEX frontdoor.referrals_handler_status; "
        "DROP INDEX frontdoor.referrals_due; DROP INDEX frontdoor.referrals_urgent; "
        "DROP INDEX frontdoor.referrals_started; DROP INDEX frontdoor.audit_status_changes; "
        "CREATE INDEX referrals_handler ON frontdoor.referrals (handler, updated_at); "
        "DROP FUNCTION frontdoor.referral_typed(text, bigint, text, text, text, text, text, text, text, text); "
        "DROP TRIGGER referrals_burst_ended ON frontdoor.referrals; DROP FUNCTION frontdoor.record_ended_burst(); "
        "DROP TABLE frontdoor.ended_bursts; DROP FUNCTION frontdoor.announce_events(bigint[]); "
        "CREATE FUNCTION frontdoor.announce_change() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN "
        "PERFORM pg_notify('frontdoor_changes', NEW.seq::text); RETURN NULL; END $fn$; "
        "ALTER FUNCTION frontdoor.announce_change() OWNER TO frontdoor_owner; "
        "CREATE TRIGGER events_announce AFTER INSERT ON frontdoor.events FOR EACH ROW "
        "EXECUTE FUNCTION frontdoor.announce_change(); "
        "DROP FUNCTION frontdoor.referral_saved(text, bigint, text, text, text, text, text, text, text, text, text); "
        "DROP FUNCTION frontdoor.spool_key(); DROP TABLE frontdoor.spool_keys; "
        "DROP FUNCTION frontdoor.search_referrals(text, text, integer); "
        "UPDATE frontdoor.schema_version SET version = 2;"));
    INFO(before.err.toStdString());
    REQUIRE(before.exitCode == 0);

    Run migrate = serverCommand(server, QStringLiteral("migrate"));
    INFO(migrate.err.toStdString());
    REQUIRE(migrate.exitCode == 0);
    CHECK(migrate.outText().contains(QStringLiteral("now version %1").arg(ServerSetup::latestVersion)));
    // Who may call a function, as "call-handler supervisor administrator public", t or f each.
    const auto mayExecute = [&server](const QString &function) {
        const PgServer::Psql may = server.psql(
            QStringLiteral("SELECT string_agg(CAST(has_function_privilege(r, '%1', 'EXECUTE') AS text), ' ' ORDER BY "
                           "n) FROM unnest(ARRAY['frontdoor_call_handler', 'frontdoor_supervisor', "
                           "'frontdoor_administrator', 'public']) WITH ORDINALITY AS u (r, n)")
                .arg(function));
        INFO(may.err.toStdString());
        return may.out.trimmed();
    };
    // Step 5 (issue 19): a keystroke's one-statement write, for the call-handlers and supervisors only.
    CHECK(mayExecute(QStringLiteral("frontdoor.referral_typed(text, bigint, text, text, text, text, text, text, text, "
                                    "text)"))
          == u"true true false false");
    // Step 7: the desks announce their changes after COMMIT; the events table's trigger that notified at commit is
    // gone.
    CHECK(server.psql(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'frontdoor.events'::regclass"))
              .out.trimmed()
          == QStringLiteral("0"));
    CHECK(mayExecute(QStringLiteral("frontdoor.announce_events(bigint[])")) == u"true true false false");
    // Step 8: a save from the desk's cache with its events in one statement, for the call-handlers and supervisors
    // only.
    CHECK(mayExecute(QStringLiteral("frontdoor.referral_saved(text, bigint, text, text, text, text, text, text, text, "
                                    "text, text)"))
          == u"true true false false");
    // Step 9: the offline spool's keys — each person fetches their own, through the function alone; nobody reads the
    // table.
    CHECK(mayExecute(QStringLiteral("frontdoor.spool_key()")) == u"true true true false");
    CHECK(server
              .psql(QStringLiteral("SELECT bool_or(has_table_privilege(r, 'frontdoor.spool_keys', 'SELECT')) FROM "
                                   "unnest(ARRAY['frontdoor_call_handler', 'frontdoor_supervisor', "
                                   "'frontdoor_administrator']) AS r"))
              .out.trimmed()
          == u"f");
    // Step 10: search planned at each call with the words in view, as the caller (row-level security decides).
    CHECK(server
              .psql(QStringLiteral("SELECT array_to_string(proconfig, ' ') || ' ' || prosecdef FROM pg_proc WHERE "
                                   "proname = 'search_referrals'"))
              .out.trimmed()
          == QLatin1String("search_path=frontdoor, pg_temp plan_cache_mode=force_custom_plan false"));
    CHECK(mayExecute(QStringLiteral("frontdoor.search_referrals(text, text, integer)")) == u"true true false false");
    // Step 11: each event's link is checked on the server as the desk computed it, before anything is written; the
    // function is still the owner's, for all the staff.
    CHECK(server
              .psql(QStringLiteral("SELECT prosecdef || ' ' || (prosrc LIKE '%chain_hash(0, p_reference%') FROM "
                                   "pg_proc WHERE proname = 'audit_append_all'"))
              .out.trimmed()
          == u"true true");
    CHECK(mayExecute(QStringLiteral("frontdoor.audit_append_all(text, text)")) == u"true true true false");
    const PgServer::Psql indexes = server.psql(QStringLiteral(
        "SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'frontdoor' "
        "AND indexname IN ('referrals_handler', 'referrals_handler_status', 'referrals_due', 'referrals_urgent', "
        "'referrals_started', 'audit_status_changes')"));
    CHECK(indexes.out.trimmed()
          == QStringLiteral(
              "CREATE INDEX audit_status_changes ON frontdoor.audit USING btree (at) WHERE (kind = "
              "'statusChanged'::text) | "
              "CREATE INDEX referrals_due ON frontdoor.referrals USING btree (next_due) INCLUDE (status) WHERE "
              "(next_due IS NOT NULL) | "
              "CREATE INDEX referrals_handler ON frontdoor.referrals USING btree (handler, created_at) | "
              "CREATE INDEX referrals_handler_status ON frontdoor.referrals USING btree (handler, status, profile) | "
              "CREATE INDEX referrals_started ON frontdoor.referrals USING btree (profile, call_started_at) | "
              "CREATE INDEX referrals_urgent ON frontdoor.referrals USING btree (urgent, status) WHERE (urgent = 1)"));
    const PgServer::Psql functions = server.psql(
        QStringLiteral("SELECT string_agg(pg_get_function_identity_arguments(oid), ' | ') FROM pg_proc WHERE proname = "
                       "'possible_matches'"));
    CHECK(functions.out.trimmed()
          == QStringLiteral("p_family text, p_given text, p_lo integer, p_hi integer, p_birth text, p_earliest text, "
                            "p_latest text, p_month_day text, p_exclude text"));
    // Nobody but the staff who run the check may call it: not PUBLIC.
    const PgServer::Psql publicCall = server.psql(QStringLiteral(
        "SELECT has_function_privilege('public', 'frontdoor.possible_matches(text, text, integer, integer, text, "
        "text, text, text, text)', 'EXECUTE')"));
    CHECK(publicCall.out.trimmed() == QStringLiteral("f"));
    CHECK(serverCommand(server, QStringLiteral("migrate")).outText().contains(QLatin1String("up to date")));
    // Every function belongs to the schema's owner, whichever step made it (step 5 ran as the administrator until
    // step 6 handed its function over).
    CHECK(server
              .psql(QStringLiteral("SELECT string_agg(proname, ', ') FROM pg_proc WHERE pronamespace = "
                                   "'frontdoor'::regnamespace AND pg_get_userbyid(proowner) <> 'frontdoor_owner'"))
              .out.isEmpty());

    // A step that fails is undone whole and says what failed in it, not only that the transaction was aborted.
    REQUIRE(server
                .psql(QStringLiteral("DROP FUNCTION frontdoor.referral_typed(text, bigint, text, text, text, text, "
                                     "text, text, text, text); UPDATE frontdoor.schema_version SET version = 5"))
                .exitCode
            == 0);
    Run failed = serverCommand(server, QStringLiteral("migrate"));
    CHECK(failed.exitCode != 0);
    INFO(failed.err.toStdString());
    CHECK(failed.err.contains(QLatin1String("migrate.6")));
    CHECK(failed.err.contains(QLatin1String("referral_typed")));
    CHECK(failed.err.contains(QLatin1String("does not exist")));
    CHECK(server.psql(QStringLiteral("SELECT version FROM frontdoor.schema_version")).out == QLatin1String("5"));
}

TEST_CASE("Accounts are the server's login roles: each signs in with their own password, a wrong one or a disabled "
          "account is refused",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("accounts"));
    server.initialiseWithPeople();

    Result<std::unique_ptr<Database>> carl = server.signIn(QStringLiteral("carl"));
    INFO(carl.errorMessage().toStdString());
    REQUIRE(carl);
    CHECK((*carl)->isServer());
    CHECK((*carl)->serverUser() == server.person(QStringLiteral("carl")));

    Result<std::unique_ptr<Database>> wrong = server.signIn(QStringLiteral("carl"), QStringLiteral("not the password"));
    REQUIRE(!wrong);
    CHECK(wrong.error().code == ErrorCode::PermissionDenied);
    CHECK(wrong.errorMessage().contains(QLatin1String("did not accept this name and password")));

    // The password reached the server only as a SCRAM verifier; the server stores nothing else.
    const PgServer::Psql stored = server.psql(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = '%1'")
                                                  .arg(server.person(QStringLiteral("carl"))));
    CHECK(stored.out.startsWith(QLatin1String("SCRAM-SHA-256$4096:")));

    const QByteArray ada = QByteArray(PgServer::password) + '\n';
    const auto user = [&](const QStringList &arguments, const QByteArray &input) {
        return runFrontDoor(QStringList{QStringLiteral("user")} + arguments
                                + QStringList{QStringLiteral("--server"),
                                              server.connection(),
                                              QStringLiteral("--as"),
                                              server.person(QStringLiteral("ada"))},
                            input);
    };
    // Disabling ends the person's open connections at once, not when they next sign in.
    Result<std::unique_ptr<Database>> caraAtDesk = server.signIn(QStringLiteral("cara"));
    REQUIRE(caraAtDesk);
    REQUIRE((*caraAtDesk)->exec(QStringLiteral("users.count")));
    Run disabled = user({QStringLiteral("disable"), server.person(QStringLiteral("cara"))}, ada);
    INFO(disabled.err.toStdString());
    REQUIRE(disabled.exitCode == 0);
    Result<QSqlQuery *> afterwards = (*caraAtDesk)->exec(QStringLiteral("users.count"));
    REQUIRE(!afterwards);
    CHECK(afterwards.error().code == ErrorCode::Unreachable);
    Result<std::unique_ptr<Database>> cara = server.signIn(QStringLiteral("cara"));
    REQUIRE(!cara);
    CHECK(cara.errorMessage().contains(QLatin1String("disabled")));

    // A reset gives a new password that works (non-ASCII, as people choose them) and the old one no longer does.
    const QByteArray fresh = QStringLiteral("Ünïcödé pässwörd 42").toUtf8();
    Run reset
        = user({QStringLiteral("reset"), server.person(QStringLiteral("carl"))}, ada + fresh + '\n' + fresh + '\n');
    INFO(reset.err.toStdString());
    REQUIRE(reset.exitCode == 0);
    CHECK(server.signIn(QStringLiteral("carl"), QString::fromUtf8(fresh)));
    CHECK(!server.signIn(QStringLiteral("carl")));

    // Only an administrator manages accounts — the server says so, whatever the client does.
    const PgServer::Psql byHandler = server.psql(
        QStringLiteral(
            "SELECT frontdoor.account_add('mallory.x', 'M', 'administrator', 'x', '2026-12-01T10:00:00.000Z')"),
        server.person(QStringLiteral("sam")));
    CHECK(byHandler.exitCode != 0);
    CHECK(byHandler.err.contains(QLatin1String("permission denied for function account_add")));

    Run list = user({QStringLiteral("list")}, ada);
    REQUIRE(list.exitCode == 0);
    CHECK(list.outText().contains(server.person(QStringLiteral("cara")) + QStringLiteral("\tcallHandler\tdisabled")));
    CHECK(list.outText().contains(server.person(QStringLiteral("sam")) + QStringLiteral("\tsupervisor\tactive")));

    // Every change is in the trail under the administrator who made it.
    const PgServer::Psql events
        = server.psql(QStringLiteral("SELECT kind || ' by ' || user_id FROM frontdoor.audit ORDER BY seq"));
    CHECK(events.out.split(QLatin1Char('\n'))
              .contains(QStringLiteral("accountDisabled by %1").arg(server.person(QStringLiteral("ada")))));
    CHECK(events.out.split(QLatin1Char('\n'))
              .contains(QStringLiteral("passwordReset by %1").arg(server.person(QStringLiteral("ada")))));
    CHECK(events.out.split(QLatin1Char('\n')).contains(QStringLiteral("accountCreated by %1").arg(server.superuser())));
}

TEST_CASE(
    "The server computes each audit link as Front Door does, and refuses a forged, reordered or misattributed one",
    "[pg][issue19]")
{
    PgServer server(QStringLiteral("chain"));
    server.initialiseWithPeople();
    Result<std::unique_ptr<Database>> carl = server.signIn(QStringLiteral("carl"));
    REQUIRE(carl);
    const QString carlId = server.person(QStringLiteral("carl"));
    const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(9, 30, 0, 125), Qt::UTC);
    // Any Unicode, as a caller's words arrive: the canonical encoding counts UTF-8 bytes on both sides.
    Result<qint64> recorded = AuditTrail::record(**carl,
                                                 QStringLiteral("NOR-2026-000001"),
                                                 carlId,
                                                 at,
                                                 AuditKind::Viewed,
                                                 {{QStringLiteral("note"), QStringLiteral("Zoë Ó Briain — 😀 «ß»")}});
    INFO(recorded.errorMessage().toStdString());
    REQUIRE(recorded);
    const PgServer::Psql row = server.psql(
        QStringLiteral(
            "SELECT seq, coalesce(reference, ''), user_id, at, kind, payload, prev_hash, hash FROM frontdoor.audit "
            "WHERE seq = %1")
            .arg(*recorded));
    const QStringList fields = row.out.split(QLatin1Char('|'));
    REQUIRE(fields.size() == 8);
    CHECK(fields.at(7)
          == AuditTrail::hashOf(fields.at(0).toLongLong(),
                                fields.at(1),
                                fields.at(2),
                                fields.at(3),
                                fields.at(4),
                                fields.at(5),
                                fields.at(6)));

    // Behind Front Door's back: the next link under someone else's name, out of order, or written directly.
    const PgServer::Psql head = server.psql(QStringLiteral("SELECT seq || ' ' || hash FROM frontdoor.audit_head"));
    const qint64 next = head.out.section(QLatin1Char(' '), 0, 0).toLongLong() + 1;
    const QString headHash = head.out.section(QLatin1Char(' '), 1);
    const auto append = [&](qint64 seq, const QString &user, const QString &previous) {
        return server.psql(QStringLiteral("SELECT frontdoor.audit_append(%1, NULL, '%2', '2026-12-01T09:31:00.000Z', "
                                          "'viewed', '{}', '%3')")
                               .arg(seq)
                               .arg(user, previous),
                           QStringLiteral("%1").arg(carlId));
    };
    PgServer::Psql asSam = append(next, server.person(QStringLiteral("sam")), headHash);
    CHECK(asSam.exitCode != 0);
    CHECK(asSam.err.contains(QLatin1String("recorded under the person signed in")));
    PgServer::Psql skipping = append(next + 1, carlId, headHash);
    CHECK(skipping.err.contains(QLatin1String("moved while writing")));
    PgServer::Psql forked = append(next, carlId, QString(64, QLatin1Char('0')));
    CHECK(forked.err.contains(QLatin1String("moved while writing")));
    PgServer::Psql direct = server.psql(QStringLiteral("INSERT INTO frontdoor.audit VALUES (%1, NULL, '%2', 'x', 'x', "
                                                       "'{}', '%3', 'x')")
                                            .arg(next)
                                            .arg(carlId, headHash),
                                        carlId);
    CHECK(direct.err.contains(QLatin1String("permission denied for table audit")));
    PgServer::Psql honest = append(next, carlId, headHash);
    INFO(honest.err.toStdString());
    CHECK(honest.exitCode == 0);

    // The batched form a save uses (audit_append_all) holds the same rules: the person signed in, a valid time, and
    // links it computes itself after the head — whatever else the caller sends.
    const auto appendAll = [&](const QString &events) {
        return server.psql(QStringLiteral("SELECT seq || ' ' || prev_hash || ' ' || hash FROM "
                                          "frontdoor.audit_append_all('', '%1')")
                               .arg(events),
                           carlId);
    };
    const QString event = QStringLiteral(R"({"user_id":"%1","at":"2026-12-01T09:32:00.000Z","kind":"viewed",)"
                                         R"("payload":"{}","seq":1,"hash":"forged"})");
    PgServer::Psql underSam = appendAll(QStringLiteral("[%1]").arg(event.arg(server.person(QStringLiteral("sam")))));
    CHECK(underSam.err.contains(QLatin1String("recorded under the person signed in")));
    PgServer::Psql badTime = appendAll(
        QStringLiteral("[%1]").arg(event.arg(carlId).replace(QLatin1String("09:32:00.000Z"), QLatin1String("9:32"))));
    CHECK(badTime.err.contains(QLatin1String("UTC ISO 8601")));
    PgServer::Psql two = appendAll(QStringLiteral("[%1,%1]").arg(event.arg(carlId)));
    INFO(two.err.toStdString());
    REQUIRE(two.exitCode == 0);
    const QStringList links = two.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(links.size() == 2);
    CHECK(links.at(0).section(QLatin1Char(' '), 0, 0).toLongLong() == next + 1);
    CHECK(links.at(1).section(QLatin1Char(' '), 1, 1) == links.at(0).section(QLatin1Char(' '), 2, 2));
    CHECK(links.at(1).section(QLatin1Char(' '), 2, 2)
          == AuditTrail::hashOf(next + 2,
                                QString(),
                                carlId,
                                QStringLiteral("2026-12-01T09:32:00.000Z"),
                                QStringLiteral("viewed"),
                                QStringLiteral("{}"),
                                links.at(0).section(QLatin1Char(' '), 2, 2)));

    // Even the owner of the tables cannot rewrite history; the server's own check finds an edit made with triggers
    // switched off by a superuser.
    CHECK(server.psql(QStringLiteral("UPDATE frontdoor.audit SET payload = '{}' WHERE seq = 1"))
              .err.contains(QLatin1String("append-only")));
    CHECK(server.psql(QStringLiteral("TRUNCATE frontdoor.audit")).err.contains(QLatin1String("append-only")));
    CHECK(server
              .psql(QStringLiteral(
                        "ALTER TABLE frontdoor.audit DISABLE TRIGGER USER; UPDATE frontdoor.audit SET "
                        "payload = '{\"x\":1}' WHERE seq = %1; ALTER TABLE frontdoor.audit ENABLE TRIGGER USER")
                        .arg(*recorded))
              .exitCode
          == 0);
    Run status = serverCommand(server, QStringLiteral("status"));
    CHECK(status.exitCode == 1);
    CHECK(status.outText().contains(QStringLiteral("BROKEN at event %1").arg(*recorded)));
}
