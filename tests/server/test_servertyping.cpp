// Team mode (issue 19): a keystroke that goes on typing into the answer the desk's last save changed is one statement
// (frontdoor.referral_typed), outside any transaction, written only if the row is still as the desk left it. Each way
// it can have moved on behind the desk — the burst ended by another desk of the same person, a lease taken, a
// colleague's save — must send the save the usual way, which reads the row and says what happened; and the trail must
// still vouch for every state.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "common/clock.h"
#include "store/audittrail.h"
#include "store/caselocks.h"
#include "store/store.h"

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QString nameOf(const Referral &referral)
{
    return referral.children[0].answer(QStringLiteral("name")).value();
}

void typeName(Referral &referral, const QString &name)
{
    referral.children[0].answers.insert(QStringLiteral("name"), Answer::given(name));
}

} // namespace

TEST_CASE("Team mode: a keystroke is written in one statement only while the row is as the desk left it, and the "
          "usual way says what moved",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("typing-on-server"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const auto signIn = [&](const QString &who) {
        return server.desk(who, clock);
    };

    std::unique_ptr<Store> carlDesk = signIn(QStringLiteral("carl"));
    const Actor carl{server.person(QStringLiteral("carl")), Role::CallHandler};
    Result<StoredReferral> made = carlDesk->referrals().createDraft(norfolk(), carl);
    REQUIRE(made);
    Referral r = made->referral;
    qint64 revision = made->revision;
    const auto keystroke = [&](Store &desk, const Actor &who, const QString &name) {
        clock.advance(1000);
        typeName(r, name);
        Result<SaveReceipt> saved = desk.referrals().save(r, revision, who);
        if (saved)
            revision = saved->revision;
        return saved;
    };

    // Typing a name: the first keystroke starts the burst, the rest go on with it. Only the creation is in the trail.
    for (const QString &typed :
         {QStringLiteral("A"), QStringLiteral("Ad"), QStringLiteral("Ada"), QStringLiteral("Ada T")}) {
        Result<SaveReceipt> saved = keystroke(*carlDesk, carl, typed);
        INFO(saved.errorMessage().toStdString());
        REQUIRE(saved);
    }
    CHECK(server.answer(QStringLiteral("SELECT revision FROM frontdoor.referrals")) == QStringLiteral("5"));
    CHECK(server.answer(QStringLiteral("SELECT pending_by FROM frontdoor.referrals")) == carl.userId);
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE reference IS NOT NULL")) == u"1");
    CHECK(nameOf(carlDesk->referrals().load(r.reference)->referral) == QStringLiteral("Ada T"));
    // Other desks hear of every keystroke, as of any save.
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.events WHERE kind = 'saved'")).toInt() >= 4);

    // Carl signs in at a second desk: it ends his burst (the trail gets "A" → "Ada T") without a new revision. His
    // first desk's next keystroke is not written as a continuation: it starts a burst of its own.
    std::unique_ptr<Store> carlSecondDesk = signIn(QStringLiteral("carl"));
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.referrals WHERE pending_path IS NULL")) == u"1");
    REQUIRE(keystroke(*carlDesk, carl, QStringLiteral("Ada Te")));
    CHECK(server.answer(QStringLiteral("SELECT pending_from FROM frontdoor.referrals"))
              .contains(QStringLiteral("Ada T")));
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE kind = 'fieldChanged'")) == u"1");

    // A supervisor takes the case's lease: Carl's desk may no longer write, and is told who has it.
    std::unique_ptr<Store> samDesk = signIn(QStringLiteral("sam"));
    const Actor sam{server.person(QStringLiteral("sam")), Role::Supervisor};
    REQUIRE(samDesk->locks().acquire(r.reference, sam));
    Result<SaveReceipt> refused = keystroke(*carlDesk, carl, QStringLiteral("Ada Tes"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.errorMessage().contains(QStringLiteral("open for editing")));
    CHECK(nameOf(samDesk->referrals().load(r.reference)->referral) == QStringLiteral("Ada Te"));

    REQUIRE(samDesk->locks().release(r.reference));

    // Carl's second desk saves another answer: his first desk is told the row moved on, and nothing is overwritten.
    Result<StoredReferral> secondSees = carlSecondDesk->referrals().load(r.reference);
    REQUIRE(secondSees);
    Referral secondEdit = secondSees->referral;
    secondEdit.setAnswer(QStringLiteral("referrer.role"), Answer::given(QStringLiteral("Teacher")));
    clock.advance(1000);
    Result<SaveReceipt> secondSaved = carlSecondDesk->referrals().save(secondEdit, secondSees->revision, carl);
    INFO(secondSaved.errorMessage().toStdString());
    REQUIRE(secondSaved);
    Result<SaveReceipt> moved = keystroke(*carlDesk, carl, QStringLiteral("Ada Test"));
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == ErrorCode::Conflict);
    CHECK(server.answer(QStringLiteral("SELECT document LIKE '%Teacher%' FROM frontdoor.referrals")) == u"t");

    // Reopened, Carl goes on typing; the burst is ended; the server's chain and every state in it verify.
    Result<StoredReferral> reopened = carlDesk->referrals().load(r.reference);
    REQUIRE(reopened);
    r = reopened->referral;
    revision = reopened->revision;
    REQUIRE(keystroke(*carlDesk, carl, QStringLiteral("Ada Testc")));
    REQUIRE(keystroke(*carlDesk, carl, QStringLiteral("Ada Testchild")));
    REQUIRE(carlDesk->referrals().flush(r.reference));
    CHECK(nameOf(samDesk->referrals().load(r.reference)->referral) == QStringLiteral("Ada Testchild"));
    server.checkTrailIntact(samDesk->database());
}

TEST_CASE("Team mode: a supervisor saves over a call-handler's unfinished typing, whose event goes in the trail under "
          "the call-handler's name as the row held it, and no other event under another's name is taken",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("burst-handover"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    const QString carlId = server.person(QStringLiteral("carl"));
    const QString samId = server.person(QStringLiteral("sam"));
    const Actor carl{carlId, Role::CallHandler};
    const Actor sam{samId, Role::Supervisor};

    // Carl types a child's name; his desk dies mid-answer, the burst still open on the row.
    std::unique_ptr<Store> carlDesk = server.desk(QStringLiteral("carl"), clock);
    Result<StoredReferral> made = carlDesk->referrals().createDraft(norfolk(), carl);
    REQUIRE(made);
    Referral r = made->referral;
    qint64 revision = made->revision;
    for (const QString &typed : {QStringLiteral("Zo"), QStringLiteral("Zoë Invented")}) {
        clock.advance(1000);
        typeName(r, typed);
        Result<SaveReceipt> saved = carlDesk->referrals().save(r, revision, carl);
        REQUIRE(saved);
        revision = saved->revision;
    }
    carlDesk.reset();
    REQUIRE(server.answer(QStringLiteral("SELECT pending_by FROM frontdoor.referrals")) == carlId);

    // Behind Front Door's back, Sam cannot put words in Carl's name: not with no burst ended, and not with the burst
    // ended but another value than the document held.
    const QString at = server.answer(QStringLiteral("SELECT pending_at FROM frontdoor.referrals"));
    const QString path = server.answer(QStringLiteral("SELECT pending_path FROM frontdoor.referrals"));
    const auto forged = [&](const QString &typed) {
        return QStringLiteral(
                   "SELECT count(*) FROM frontdoor.audit_append_all('%1', json_build_array(json_build_object("
                   "'user_id', '%2', 'at', '%3', 'kind', 'fieldChanged', 'payload', json_build_object("
                   "'path', '%4', 'from', null, 'to', json_build_object('value', '%5'))::text))::text)")
            .arg(r.reference, carlId, at, path, typed);
    };
    CHECK(server.answer(forged(QStringLiteral("Zoë Invented")), samId).contains(QStringLiteral("signed in")));
    CHECK(server
              .answer(QStringLiteral("BEGIN; UPDATE frontdoor.referrals SET pending_by = NULL, pending_path = NULL, "
                                     "pending_from = NULL, pending_at = NULL; ")
                          + forged(QStringLiteral("Not what Carl typed")) + QStringLiteral("; COMMIT"),
                      samId)
              .contains(QStringLiteral("signed in")));
    CHECK(server.answer(QStringLiteral("SELECT pending_by FROM frontdoor.referrals")) == carlId); // all of it undone
    // Nor by writing a burst of Carl's into the row and ending it in the same transaction, under a savepoint or not:
    // only a burst as it was committed counts.
    for (const QString &savepoint : {QString(), QStringLiteral("SAVEPOINT s; ")}) {
        const QString tried = server.answer(
            QStringLiteral("BEGIN; ") + savepoint
                + QStringLiteral("UPDATE frontdoor.referrals SET document = replace(document, 'Zoë Invented', "
                                 "'Not what Carl typed'); UPDATE frontdoor.referrals SET pending_by = NULL, "
                                 "pending_path = NULL, pending_from = NULL, pending_at = NULL; ")
                + forged(QStringLiteral("Not what Carl typed")) + QStringLiteral("; COMMIT"),
            samId);
        INFO(savepoint.toStdString() << " gave: " << tried.toStdString());
        CHECK(tried.contains(QStringLiteral("signed in")));
    }
    // (The same with the value the document held is taken: only the value differed above.)
    CHECK(server.answer(QStringLiteral("BEGIN; UPDATE frontdoor.referrals SET pending_by = NULL, pending_path = NULL, "
                                       "pending_from = NULL, pending_at = NULL; ")
                            + forged(QStringLiteral("Zoë Invented")) + QStringLiteral("; ROLLBACK"),
                        samId)
          == u"1");

    // Through Front Door: Sam records the referrer's role. Carl's burst is ended in Carl's name, as typed.
    std::unique_ptr<Store> samDesk = server.desk(QStringLiteral("sam"), clock);
    Result<StoredReferral> seen = samDesk->referrals().load(r.reference);
    REQUIRE(seen);
    Referral edit = seen->referral;
    edit.setAnswer(QStringLiteral("referrer.role"), Answer::given(QStringLiteral("Teacher")));
    clock.advance(60'000);
    Result<SaveReceipt> saved = samDesk->referrals().save(edit, seen->revision, sam);
    INFO(saved.errorMessage().toStdString());
    REQUIRE(saved);
    REQUIRE(samDesk->referrals().flush(r.reference));
    CHECK(
        server.answer(QStringLiteral("SELECT user_id || ' ' || at || ' ' || (payload::json -> 'to' ->> 'value') FROM "
                                     "frontdoor.audit WHERE kind = 'fieldChanged' AND payload::json ->> 'path' = '%1'")
                          .arg(path))
        == QStringLiteral("%1 %2 Zoë Invented").arg(carlId, at));
    CHECK(server.answer(QStringLiteral("SELECT user_id FROM frontdoor.audit WHERE payload LIKE '%Teacher%'")) == samId);
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.ended_bursts")) == u"0"); // used up
    server.checkTrailIntact(samDesk->database());

    // A burst ended behind Front Door's back with no event leaves its record unused; the next burst ended clears it.
    std::unique_ptr<Store> carlAgain = server.desk(QStringLiteral("carl"), clock);
    const auto carlTypes = [&](const QString &typed) {
        Result<StoredReferral> open = carlAgain->referrals().load(r.reference);
        REQUIRE(open);
        Referral again = open->referral;
        typeName(again, typed);
        clock.advance(1000);
        REQUIRE(carlAgain->referrals().save(again, open->revision, carl));
    };
    const QString endBurst = QStringLiteral("UPDATE frontdoor.referrals SET pending_by = NULL, pending_path = NULL, "
                                            "pending_from = NULL, pending_at = NULL");
    carlTypes(QStringLiteral("Zoë Invented-Smith"));
    REQUIRE(server.answer(endBurst, samId).isEmpty());
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.ended_bursts")) == u"1");
    carlTypes(QStringLiteral("Zoë Invented-Smyth"));
    REQUIRE(server.answer(endBurst, samId).isEmpty());
    CHECK(server.answer(QStringLiteral("SELECT count(*) FROM frontdoor.ended_bursts")) == u"1"); // the first cleared
}
