// Team mode (issue 19): a save that starts another answer, or changes several at once, is described from what the
// desk last wrote and sent as one statement with its events (frontdoor.referral_saved), which commits by itself: the
// server checks each event as the desk encodes it before writing (schema step 11), and the desk checks the links.
// Written only while the row is as the desk left it; each way it can have moved on — a burst ended by another desk of
// the same person, a lease taken — sends the save the usual way, which reads the row and says what happened; and the
// trail still vouches for every state.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "common/clock.h"
#include "store/caselocks.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString savedSignature
    = QStringLiteral("frontdoor.referral_saved(text, bigint, text, text, text, text, text, text, text, text, text)");

const QString chainHashSignature
    = QStringLiteral("frontdoor.chain_hash(p_seq bigint, p_reference text, p_user text, p_at text, p_kind text, "
                     "p_payload text, p_previous text)");

// Carl's new call at his desk, as each case here begins: the draft, then each save of `r` a second after the last,
// at his desk unless another is named, the revision moving on when it lands.
struct CarlsCall
{
    explicit CarlsCall(const QString &test)
        : server(test)
    {
        server.initialiseWithPeople();
        carl = Actor{server.person(QStringLiteral("carl")), Role::CallHandler};
        desk = server.desk(QStringLiteral("carl"), clock);
        Result<StoredReferral> made = desk->referrals().createDraft(norfolk(), carl);
        REQUIRE(made);
        r = made->referral;
        revision = made->revision;
    }
    Result<SaveReceipt> save(Store &at)
    {
        clock.advance(1000);
        Result<SaveReceipt> saved = at.referrals().save(r, revision, carl);
        if (saved)
            revision = saved->revision;
        return saved;
    }
    Result<SaveReceipt> save() { return save(*desk); }

    PgServer server;
    FixedClock clock{testNow()};
    Actor carl;
    std::unique_ptr<Store> desk;
    Referral r;
    qint64 revision = 0;
};

} // namespace

TEST_CASE("Team mode: a save that starts another answer is one statement with its events, its links checked before "
          "they are written, and only while the row is as the desk left it",
          "[pg][issue19]")
{
    CarlsCall call(QStringLiteral("saved-from-cache"));
    auto &[server, clock, carl, carlDesk, r, revision] = call;
    const auto events = [&](const QString &kind) {
        return server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE kind = '%1'").arg(kind))
            .toInt();
    };
    const auto save = [&](Store &desk) {
        return call.save(desk);
    };
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Ada")));
    // The call's first save ends no burst: one statement that commits by itself. With a supervisor holding the case
    // the server writes nothing, and the save goes the usual way, which says who has it. Refused outright, it keeps
    // nothing and leaves no transaction open.
    std::unique_ptr<Store> samDesk = server.desk(QStringLiteral("sam"), clock);
    const Actor sam{server.person(QStringLiteral("sam")), Role::Supervisor};
    REQUIRE(samDesk->locks().acquire(r.reference, sam));
    Result<SaveReceipt> leased = save(*carlDesk);
    REQUIRE_FALSE(leased);
    CHECK(leased.errorMessage().contains(QStringLiteral("open for editing")));
    REQUIRE(samDesk->locks().release(r.reference));
    REQUIRE(
        server.run(QStringLiteral("REVOKE EXECUTE ON FUNCTION %1 FROM frontdoor_call_handler").arg(savedSignature)));
    REQUIRE_FALSE(save(*carlDesk));
    CHECK(server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals")) == QString::number(revision));
    REQUIRE(server.run(QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO frontdoor_call_handler").arg(savedSignature)));
    REQUIRE(save(*carlDesk));
    CHECK(server.answer(QStringLiteral("SELECT revision || ' ' || pending_by FROM frontdoor.referrals"))
          == QString::number(revision) + u' ' + carl.userId);
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Ada Invented")));
    REQUIRE(save(*carlDesk));

    // The save goes through referral_saved: without the right to call it, the next answer is refused and nothing of
    // it is kept.
    REQUIRE(
        server.run(QStringLiteral("REVOKE EXECUTE ON FUNCTION %1 FROM frontdoor_call_handler").arg(savedSignature)));
    r.setAnswer(QStringLiteral("referrer.role"), Answer::given(QStringLiteral("Teacher")));
    Result<SaveReceipt> refused = save(*carlDesk);
    REQUIRE_FALSE(refused);
    CHECK(server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals")) == QString::number(revision));
    CHECK(events(QStringLiteral("fieldChanged")) == 0);
    REQUIRE(server.run(QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO frontdoor_call_handler").arg(savedSignature)));

    // With it: the name's burst ends in the trail, "Ada Invented" in Carl's name, and the role's burst begins.
    Result<StoredReferral> reopened = carlDesk->referrals().load(r.reference);
    REQUIRE(reopened);
    revision = reopened->revision;
    Result<SaveReceipt> started = save(*carlDesk);
    INFO(started.errorMessage().toStdString());
    REQUIRE(started);
    CHECK(started->auditEvents == 1);
    CHECK(server.answer(
              QStringLiteral("SELECT user_id || ' ' || (payload::json -> 'to' ->> 'value') FROM frontdoor.audit "
                             "WHERE kind = 'fieldChanged'"))
          == carl.userId + QStringLiteral(" Ada Invented"));
    CHECK(server.answer(QStringLiteral("SELECT pending_path || ' ' || pending_by FROM frontdoor.referrals"))
          == QStringLiteral("referrer.role ") + carl.userId);

    // Two answers at once: the role's burst ends, and one event holds both new values.
    r.setAnswer(QStringLiteral("referrer.name"), Answer::given(QStringLiteral("Invented Teacher")));
    r.setAnswer(QStringLiteral("family.postcode"), Answer::given(QStringLiteral("NR1 1AA")));
    Result<SaveReceipt> both = save(*carlDesk);
    REQUIRE(both);
    CHECK(both->auditEvents == 2);
    CHECK(events(QStringLiteral("fieldChanged")) == 2);
    CHECK(events(QStringLiteral("fieldsChanged")) == 1);
    CHECK(server.answer(QStringLiteral("SELECT pending_path IS NULL FROM frontdoor.referrals")) == u"t");

    // A burst ended at Carl's second desk (his sign-in there flushes it, without a new revision) is not ended again
    // from his first desk's cache: the usual way reads the row and writes no second event for it.
    r.setAnswer(QStringLiteral("referrer.phone"), Answer::given(QStringLiteral("01632 960000")));
    REQUIRE(save(*carlDesk));
    std::unique_ptr<Store> carlSecondDesk = server.desk(QStringLiteral("carl"), clock);
    CHECK(server.answer(QStringLiteral("SELECT pending_path IS NULL FROM frontdoor.referrals")) == u"t");
    const int endedBefore = events(QStringLiteral("fieldChanged"));
    r.setAnswer(QStringLiteral("referrer.organisation"), Answer::given(QStringLiteral("Invented Primary School")));
    REQUIRE(save(*carlDesk));
    CHECK(events(QStringLiteral("fieldChanged")) == endedBefore);
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE payload::json ->> 'path' = "
                                       "'referrer.phone'"))
          == u"1");

    // A supervisor holds the case: the save is refused, and Carl is told who has it.
    REQUIRE(samDesk->locks().acquire(r.reference, sam));
    r.setAnswer(QStringLiteral("referrer.email"), Answer::given(QStringLiteral("teacher@invented.example")));
    Result<SaveReceipt> held = save(*carlDesk);
    REQUIRE_FALSE(held);
    CHECK(held.error().code == ErrorCode::Conflict);
    CHECK(held.errorMessage().contains(QStringLiteral("open for editing")));
    REQUIRE(samDesk->locks().release(r.reference));

    // A server that computes another link than the desk: nothing is saved, and the desk says so.
    const QString sealedLinks
        = QStringLiteral(
              "CREATE OR REPLACE FUNCTION %1 RETURNS text IMMUTABLE LANGUAGE sql SET search_path = frontdoor, pg_temp "
              "AS $fn$ "
              "SELECT encode(public.digest(chain_field(p_seq::text) || chain_field(coalesce(p_reference, '')) "
              "|| chain_field(p_user) || chain_field(p_at) || chain_field(p_kind) || chain_field(p_payload) "
              "|| chain_field(p_previous)%2, 'sha256'), 'hex') $fn$")
              .arg(chainHashSignature);
    REQUIRE(server.run(sealedLinks.arg(QStringLiteral(" || 'x'"))));
    const QString revisionBefore = server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals"));
    const int trailBefore = server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit")).toInt();
    Result<SaveReceipt> forged = save(*carlDesk);
    REQUIRE_FALSE(forged);
    CHECK(forged.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(forged.errorMessage().contains(QStringLiteral("computed another link")));
    CHECK(server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals")) == revisionBefore);
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit")).toInt() == trailBefore);
    REQUIRE(server.run(sealedLinks.arg(QString())));

    // Put right, the same save is kept; every state the trail vouches for verifies.
    Result<StoredReferral> again = carlDesk->referrals().load(r.reference);
    REQUIRE(again);
    revision = again->revision;
    REQUIRE(save(*carlDesk));
    REQUIRE(carlDesk->referrals().flush(r.reference));
    CHECK(server.answer(QStringLiteral("SELECT document LIKE '%teacher@invented.example%' FROM frontdoor.referrals"))
          == u"t");
    server.checkTrailIntact(samDesk->database());
}

TEST_CASE("Team mode: a save that ends a burst commits by itself, the server checking each event as the desk encodes "
          "it before it writes any (schema step 11)",
          "[pg][issue19]")
{
    CarlsCall call(QStringLiteral("saved-checked"));
    auto &[server, clock, carl, carlDesk, r, revision] = call;
    const auto save = [&] {
        return call.save();
    };
    // A name beyond ASCII: its length in characters and in bytes differ, where an encoding can go wrong.
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Zoë Ångström-Invented")));
    REQUIRE(save());
    const QString trailBefore = server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit"));

    // A server whose encoding of a field differs from the desk's (characters counted, not bytes): the save that ends
    // the name's burst is refused on the server before it writes anything, and the desk says so.
    const QString chainField = QStringLiteral(
        "CREATE OR REPLACE FUNCTION frontdoor.chain_field(field text) RETURNS bytea IMMUTABLE STRICT LANGUAGE sql AS "
        "$fn$ SELECT convert_to(%1::text || ':', 'UTF8') || convert_to(field, 'UTF8') || '\\x3b'::bytea $fn$");
    const QString inBytes = QStringLiteral("octet_length(convert_to(field, 'UTF8'))");
    REQUIRE(server.run(chainField.arg(QStringLiteral("char_length(field)"))));
    r.setAnswer(QStringLiteral("referrer.role"), Answer::given(QStringLiteral("Teacher")));
    Result<SaveReceipt> refused = save();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(refused.errorMessage().contains(QStringLiteral("computed another link")));
    CHECK(refused.errorMessage().contains(QStringLiteral("nothing was saved")));
    CHECK(server.answer(QStringLiteral("SELECT revision || ' ' || pending_path FROM frontdoor.referrals"))
          == QStringLiteral("%1 children[c1].name").arg(revision));
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit")) == trailBefore);

    // Behind Front Door's back, as Carl: an event whose check is not the link the server computes is refused too.
    const PgServer::Psql forged = server.psql(
        QStringLiteral("SELECT * FROM frontdoor.audit_append_all('%1', '[{\"user_id\": \"%2\", \"at\": "
                       "\"2026-12-01T09:31:00.000Z\", \"kind\": \"viewed\", \"payload\": \"{}\", \"check\": \"%3\"}]')")
            .arg(r.reference, carl.userId, QString(64, u'0')),
        carl.userId);
    CHECK(forged.exitCode != 0);
    CHECK(forged.err.contains(QStringLiteral("computed another link")));
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit")) == trailBefore);

    // Put right, the same save lands, ending the burst in the trail; the next answer's goes the one-statement way,
    // and every link verifies.
    REQUIRE(server.run(chainField.arg(inBytes)));
    Result<SaveReceipt> landed = save();
    INFO(landed.errorMessage().toStdString());
    REQUIRE(landed);
    CHECK(landed->auditEvents == 1);
    r.setAnswer(QStringLiteral("referrer.name"), Answer::given(QStringLiteral("Ésmé Invented")));
    Result<SaveReceipt> moved = save();
    REQUIRE(moved);
    CHECK(moved->auditEvents == 1);
    CHECK(server.answer(QStringLiteral("SELECT string_agg(payload::json -> 'to' ->> 'value', ' | ' ORDER BY seq) FROM "
                                       "frontdoor.audit WHERE kind = 'fieldChanged'"))
          == QStringLiteral("Zoë Ångström-Invented | Teacher"));
    // Verified as the supervisor, who reads the whole trail (a call-handler's rows stop at their own cases).
    std::unique_ptr<Store> samDesk = server.desk(QStringLiteral("sam"), clock);
    server.checkTrailIntact(samDesk->database());

    // A server that computes the check as the desk does but links otherwise (a function changed behind Front Door's
    // back): the statement has committed by the time the desk sees the link, so the desk says the change was kept and
    // that the trail will not verify — never that nothing was saved.
    const QString chainHash = QStringLiteral(
        "CREATE OR REPLACE FUNCTION frontdoor.chain_hash(p_seq bigint, p_reference text, p_user text, p_at text, "
        "p_kind text, p_payload text, p_previous text) RETURNS text IMMUTABLE LANGUAGE sql "
        "SET search_path = frontdoor, pg_temp AS $fn$ "
        "SELECT encode(public.digest(chain_field(p_seq::text) || chain_field(coalesce(p_reference, '')) "
        "|| chain_field(p_user) || chain_field(p_at) || chain_field(p_kind) || chain_field(p_payload) "
        "|| chain_field(p_previous)%1, 'sha256'), 'hex') $fn$");
    REQUIRE(
        server.run(chainHash.arg(QStringLiteral(" || convert_to(CASE WHEN p_seq > 0 THEN 'x' ELSE '' END, 'UTF8')"))));
    r.setAnswer(QStringLiteral("family.postcode"), Answer::given(QStringLiteral("NR1 1AA")));
    const qint64 before = revision;
    Result<SaveReceipt> unverifiable = save();
    REQUIRE_FALSE(unverifiable);
    INFO(unverifiable.errorMessage().toStdString());
    CHECK(unverifiable.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(unverifiable.errorMessage().contains(QStringLiteral("the change was saved")));
    CHECK_FALSE(unverifiable.errorMessage().contains(QStringLiteral("nothing was saved")));
    CHECK(server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals")) == QString::number(before + 1));
    REQUIRE(server.run(chainHash.arg(QString())));
    CHECK(server.answer(QStringLiteral("SELECT frontdoor.first_broken_link() IS NULL")) == u"f");
}

TEST_CASE("Team mode: signing in readies the server for the session's one-statement saves and writes nothing",
          "[pg][issue19]")
{
    CarlsCall call(QStringLiteral("saves-readied"));
    auto &[server, clock, carl, firstDesk, r, revision] = call;
    // The case as the server holds it: its row, its events in the trail and its notices (a sign-in's own event is
    // the person's, not the case's).
    const QString state
        = QStringLiteral(
              "SELECT (SELECT count(*) FROM frontdoor.audit WHERE reference = '%1') || ' ' || "
              "(SELECT count(*) FROM frontdoor.events WHERE reference = '%1') || ' ' || "
              "(SELECT string_agg(revision || ':' || coalesce(pending_path, '-'), ',') FROM frontdoor.referrals)")
              .arg(r.reference);
    const QString before = server.answer(state);
    const auto readied = [](Store &desk) {
        QSqlQuery q(desk.database().connection());
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
                                      "'%referral_saved(%' OR statement LIKE '%referral_typed(%'")));
        REQUIRE(q.next());
        return q.value(0).toInt();
    };

    // Carl signs in at a second desk: both statements are prepared on his connection and the server has run each
    // once, and nothing of the case has changed.
    QTemporaryDir spool;
    Result<TeamSession> second = server.teamSession(QStringLiteral("carl"), spool.path());
    INFO(second.errorMessage().toStdString());
    REQUIRE(second);
    CHECK(readied(*second->store) == 2);
    INFO(before.toStdString());
    CHECK(server.answer(state) == before);
    // Its first save there lands on the readied connection, and nothing the readying did stands in its way.
    Result<StoredReferral> opened = second->store->referrals().load(r.reference);
    REQUIRE(opened);
    revision = opened->revision;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Ada Invented")));
    REQUIRE(call.save(*second->store));
    CHECK(server.answer(QStringLiteral("SELECT revision || ' ' || pending_path FROM frontdoor.referrals"))
          == QStringLiteral("2 children[c1].name"));
    CHECK(readied(*second->store) == 2);

    // An administrator saves no calls, and may not run the save functions: their sign-in readies nothing.
    std::unique_ptr<Store> adaDesk = server.desk(QStringLiteral("ada"), clock);
    CHECK(readied(*adaDesk) == 0);

    // A server whose save function says it wrote a row that does not exist is not Front Door's: the sign-in is
    // refused, saying so, rather than trusting it with a call.
    REQUIRE(server.run(QStringLiteral(
        "CREATE OR REPLACE FUNCTION frontdoor.referral_typed(p_row text, p_id bigint, p_reference text, "
        "p_search_body text, p_search_words text, p_keys text, p_actions text, p_notice text, p_at text, "
        "p_instance text) RETURNS bigint LANGUAGE sql AS $fn$ SELECT CAST(1 AS bigint) $fn$")));
    QTemporaryDir thirdSpool;
    Result<TeamSession> refused = server.teamSession(QStringLiteral("carl"), thirdSpool.path());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(refused.errorMessage().contains(QStringLiteral("not Front Door's")));
}
