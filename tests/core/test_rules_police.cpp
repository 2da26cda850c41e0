// §6 Information sharing, crime and police; §7 the record of conversations.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("LIN-I1: an information-sharing decision needs its reasons and who made it")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    r.sharingDecisions.append(SharingDecision{QStringLiteral("s1"), testNow(), false, QStringLiteral("Health records"),
                                              QStringLiteral("School"), {}, {}, {}});
    Findings findings = evaluate(r, lincolnshire(), testNow());
    CHECK(has(findings, QStringLiteral("LIN-I1"), Severity::Blocking, QStringLiteral("sharingDecisions[s1].reasons")));
    CHECK(has(findings, QStringLiteral("LIN-I1"), Severity::Blocking,
              QStringLiteral("sharingDecisions[s1].decidedBy")));

    r.sharingDecisions[0].reasons = QStringLiteral("Not proportionate at this stage");
    r.sharingDecisions[0].advisedBy = QStringLiteral("Designated safeguarding lead");
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-I1"), Severity::Blocking));
}

TEST_CASE("LIN-P1: a possible crime needs the police consultation, its outcome and 'was it a Strategy Discussion'")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("police.crimeSuspected"), QStringLiteral("yes"));

    SECTION("while the call is taken it is outstanding, not blocking")
    {
        const Findings findings = evaluate(r, lincolnshire(), testNow());
        CHECK(has(findings, QStringLiteral("LIN-P1"), Severity::Outstanding, QStringLiteral("police.consulted")));
        CHECK_FALSE(has(findings, QStringLiteral("LIN-P1"), Severity::Blocking));
    }
    SECTION("at the decision it blocks")
    {
        r.status = ReferralStatus::Submitted;
        CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-P1"), Severity::Blocking,
                  QStringLiteral("police.consulted")));
        give(r, QStringLiteral("police.consulted"), QStringLiteral("yes"));
        Findings findings = evaluate(r, lincolnshire(), testNow());
        CHECK(has(findings, QStringLiteral("LIN-P1"), Severity::Blocking, QStringLiteral("police.outcome")));
        CHECK(has(findings, QStringLiteral("LIN-P1"), Severity::Blocking, QStringLiteral("police.strategyDiscussion")));

        give(r, QStringLiteral("police.outcome"), QStringLiteral("Police to visit jointly"));
        give(r, QStringLiteral("police.strategyDiscussion"), QStringLiteral("no"));
        CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-P1"), Severity::Blocking));
    }
    SECTION("no crime, no finding")
    {
        give(r, QStringLiteral("police.crimeSuspected"), QStringLiteral("no"));
        r.status = ReferralStatus::Submitted;
        const Findings findings = evaluate(r, lincolnshire(), testNow());
        CHECK_FALSE(has(findings, QStringLiteral("LIN-P1"), Severity::Blocking));
        CHECK_FALSE(has(findings, QStringLiteral("LIN-P1"), Severity::Outstanding, QStringLiteral("police.consulted")));
    }
}

TEST_CASE("NOR-P2: at the decision a possible crime has been discussed with the police")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("police.crimeSuspected"), QStringLiteral("yes"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-P2"), Severity::Blocking,
                    QStringLiteral("conversations")));
    r.status = ReferralStatus::Submitted;
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-P2"), Severity::Blocking,
              QStringLiteral("conversations")));
    r.conversations.append(Conversation{QStringLiteral("v1"), testNow(), QStringLiteral("police"),
                                        QStringLiteral("MASH"), QStringLiteral("DC Example, CSW"),
                                        QStringLiteral("Agreed a joint visit"), QStringLiteral("Visit today"),
                                        QStringLiteral("u-test")});
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-P2"), Severity::Blocking,
                    QStringLiteral("conversations")));
}

TEST_CASE("NOR-P4: the police had it first — their reference is outstanding until recorded")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("police.receivedFirst"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-P4"), Severity::Outstanding,
              QStringLiteral("police.reference")));
    give(r, QStringLiteral("police.reference"), QStringLiteral("NP-26-1234"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-P4"), Severity::Outstanding,
                    QStringLiteral("police.reference")));
}

TEST_CASE("NOR-L1: a conversation record needs when, with whom and what was said")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    r.conversations.append(Conversation{QStringLiteral("v1"), {}, {}, {}, {}, {}, {}, {}});
    const QSet<QString> blocking = keys(evaluate(r, norfolk(), testNow()), Severity::Blocking);
    CHECK(blocking.contains(QStringLiteral("NOR-L1 conversations[v1].at")));
    CHECK(blocking.contains(QStringLiteral("NOR-L1 conversations[v1].with")));
    CHECK(blocking.contains(QStringLiteral("NOR-L1 conversations[v1].summary")));

    r.conversations[0] = Conversation{QStringLiteral("v1"), testNow(), QStringLiteral("caller"),
                                      QStringLiteral("telephone"), QStringLiteral("Caller only"),
                                      QStringLiteral("Described bruising"), {}, QStringLiteral("u-test")};
    CHECK_FALSE(blockingIds(evaluate(r, norfolk(), testNow())).contains(QStringLiteral("NOR-L1")));
}
