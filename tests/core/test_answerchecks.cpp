// NOR-G0: information items are outstanding until addressed, never blocking; given values are checked.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-G0: an unasked item is outstanding, 'not known', 'declined' and 'not asked — reason' address it")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Outstanding,
              QStringLiteral("family.address")));

    r.setAnswer(QStringLiteral("family.address"), Answer::notKnown());
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Outstanding,
                    QStringLiteral("family.address")));
    r.setAnswer(QStringLiteral("family.address"), Answer::declined());
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Outstanding,
                    QStringLiteral("family.address")));

    SECTION("'not asked' without a reason does not count")
    {
        r.setAnswer(QStringLiteral("family.address"), Answer::notAsked({}));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Outstanding,
                  QStringLiteral("family.address")));
        r.setAnswer(QStringLiteral("family.address"), Answer::notAsked(QStringLiteral("Caller was distressed")));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Outstanding,
                        QStringLiteral("family.address")));
    }
}

TEST_CASE("NOR-G0: a referral with every information item missing is still not blocked by them")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("call.agreedActions"), QStringLiteral("CADS to decide"));
    const Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(withSeverity(findings, Severity::Outstanding).size() > 20);
    CHECK(blockingIds(findings).isEmpty());
}

TEST_CASE("ALL-G1: a referral needs at least one child, even if nothing about them is known")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    r.children.clear();
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G1"), Severity::Blocking,
              QStringLiteral("children")));
}

TEST_CASE("Per-child items are asked of each child, and only when their condition holds")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    Person second;
    second.id = QStringLiteral("c2");
    second.answers.insert(QStringLiteral("unborn"), Answer::given(QStringLiteral("yes")));
    r.children.append(second);
    const QSet<QString> outstanding = keys(evaluate(r, norfolk(), testNow()), Severity::Outstanding);
    CHECK(outstanding.contains(QStringLiteral("ALL-G1 children[c1].dateOfBirth")));
    CHECK(outstanding.contains(QStringLiteral("NOR-G8 children[c1].school")));
    CHECK(outstanding.contains(QStringLiteral("NOR-B2 children[c2].expectedDelivery")));
    CHECK_FALSE(outstanding.contains(QStringLiteral("ALL-G1 children[c2].dateOfBirth")));
    CHECK_FALSE(outstanding.contains(QStringLiteral("NOR-G8 children[c2].school")));
}

TEST_CASE("Given values are checked against the question's type")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    SECTION("a date of birth in the future blocks")
    {
        giveChild(r, 0, QStringLiteral("dateOfBirth"), QStringLiteral("2027-01-01"));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G1"), Severity::Blocking,
                  QStringLiteral("children[c1].dateOfBirth")));
    }
    SECTION("an estimated age is fine")
    {
        giveChild(r, 0, QStringLiteral("dateOfBirth"), QStringLiteral("age:7y"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G1"), Severity::Blocking));
    }
    SECTION("an option the profile does not offer blocks")
    {
        give(r, QStringLiteral("referrer.type"), QStringLiteral("alien"));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A1"), Severity::Blocking,
                  QStringLiteral("referrer.type")));
    }
    SECTION("an unchecked phone number blocks")
    {
        give(r, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
        give(r, QStringLiteral("referrer.phone"), QStringLiteral("01603 223456"));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A1"), Severity::Blocking,
                  QStringLiteral("referrer.phone")));
        give(r, QStringLiteral("referrer.phone"), QStringLiteral("+441603223456"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A1"), Severity::Blocking));
    }
    SECTION("a postcode not in the official format blocks")
    {
        give(r, QStringLiteral("family.postcode"), QStringLiteral("nr12dh"));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G2"), Severity::Blocking,
                  QStringLiteral("family.postcode")));
    }
    SECTION("absurdly long text blocks rather than being stored silently")
    {
        give(r, QStringLiteral("concern.nature"), QString(100001, QLatin1Char('x')));
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-G11"), Severity::Blocking,
                  QStringLiteral("concern.nature")));
    }
}

TEST_CASE("A blocking must replaces the 'still to ask' for the same field")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("yes"));
    const Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-S5"), Severity::Blocking, QStringLiteral("triage.dangerAction")));
    CHECK_FALSE(keys(findings, Severity::Outstanding).contains(QStringLiteral("NOR-S5 triage.dangerAction")));
}

TEST_CASE("The supervisor's questions are not 'still to ask' during the call")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("police.crimeSuspected"), QStringLiteral("yes"));
    give(r, QStringLiteral("police.consulted"), QStringLiteral("yes"));
    // police.outcome is a decision-stage question: the must (LIN/NOR-P) speaks for it, not the information item.
    CHECK_FALSE(keys(evaluate(r, norfolk(), testNow()), Severity::Outstanding)
                    .contains(QStringLiteral("NOR-P2 police.outcome")));
}
