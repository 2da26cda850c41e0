// §9 Special referral kinds, and the special kinds of §1.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-B1: cross-boundary — passed on immediately to the authority where the child is")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("special.crossBoundary"), QStringLiteral("yes"));
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-B1"), Severity::Blocking, QStringLiteral("special.otherAuthority")));
    CHECK(has(findings, QStringLiteral("NOR-B1"), Severity::Blocking, QStringLiteral("special.passedOn")));
    CHECK(has(findings, QStringLiteral("NOR-B1"), Severity::Outstanding,
              QStringLiteral("special.homeAuthorityConsulted")));

    give(r, QStringLiteral("special.otherAuthority"), QStringLiteral("Suffolk County Council"));
    give(r, QStringLiteral("special.passedOn"), QStringLiteral("yes"));
    give(r, QStringLiteral("special.childProtectionPlan"), QStringLiteral("yes"));
    findings = evaluate(r, norfolk(), testNow());
    CHECK_FALSE(has(findings, QStringLiteral("NOR-B1"), Severity::Blocking));
    CHECK(has(findings, QStringLiteral("NOR-B1"), Severity::Outstanding,
              QStringLiteral("special.leadSocialWorkerConsulted")));

    SECTION("at the decision: home authority, lead social worker and written confirmation block")
    {
        r.status = ReferralStatus::Submitted;
        const QSet<QString> blocking = keys(evaluate(r, norfolk(), testNow()), Severity::Blocking);
        CHECK(blocking.contains(QStringLiteral("NOR-B1 special.homeAuthorityConsulted")));
        CHECK(blocking.contains(QStringLiteral("NOR-B1 special.leadSocialWorkerConsulted")));
        CHECK(blocking.contains(QStringLiteral("NOR-B1 special.confirmedInWriting")));
        give(r, QStringLiteral("special.homeAuthorityConsulted"), QStringLiteral("Agreed Suffolk leads"));
        give(r, QStringLiteral("special.leadSocialWorkerConsulted"), QStringLiteral("yes"));
        give(r, QStringLiteral("special.confirmedInWriting"), QStringLiteral("yes"));
        CHECK_FALSE(blockingIds(evaluate(r, norfolk(), testNow())).contains(QStringLiteral("NOR-B1")));
    }
}

TEST_CASE("NOR-B2: pre-birth — criteria and impact outstanding, a long-past delivery date blocks")
{
    Referral r = draft(QStringLiteral("norfolk-cads"), QStringLiteral("Baby Testchild"));
    giveChild(r, 0, QStringLiteral("unborn"), QStringLiteral("yes"));
    giveChild(r, 0, QStringLiteral("expectedDelivery"), QStringLiteral("2027-03-01"));
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-B2"), Severity::Outstanding, QStringLiteral("special.preBirthCriteria")));
    CHECK(has(findings, QStringLiteral("NOR-B2"), Severity::Outstanding, QStringLiteral("special.preBirthImpact")));
    CHECK_FALSE(has(findings, QStringLiteral("NOR-B2"), Severity::Blocking));

    giveChild(r, 0, QStringLiteral("expectedDelivery"), QStringLiteral("2026-09-01"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-B2"), Severity::Blocking,
              QStringLiteral("children[c1].expectedDelivery")));

    SECTION("a born child needs none of it")
    {
        giveChild(r, 0, QStringLiteral("unborn"), QStringLiteral("no"));
        findings = evaluate(r, norfolk(), testNow());
        CHECK_FALSE(has(findings, QStringLiteral("NOR-B2"), Severity::Outstanding,
                        QStringLiteral("special.preBirthCriteria")));
        CHECK_FALSE(has(findings, QStringLiteral("NOR-B2"), Severity::Blocking));
    }
}

TEST_CASE("NOR-R4: harm by another child — both children are referred")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("special.harmByChild"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking,
              QStringLiteral("special.otherChildReferral")));
    give(r, QStringLiteral("special.otherChildReferral"), QStringLiteral("NOR-2026-000002"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking));
}

TEST_CASE("NOR-R5: an allegation against someone who works with children gets its route")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("special.allegationAgainstWorker"), QStringLiteral("no"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R5"), Severity::Advice));
    give(r, QStringLiteral("special.allegationAgainstWorker"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R5"), Severity::Advice));
}

TEST_CASE("NOR-R4: the other child's referral is a linked reference, here or another authority's with its name, not a note")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("special.harmByChild"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking,
              QStringLiteral("special.otherChildReferral")));
    give(r, QStringLiteral("special.otherChildReferral"), QStringLiteral("will refer him later"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking,
              QStringLiteral("special.otherChildAuthority")));
    give(r, QStringLiteral("special.otherChildAuthority"), QStringLiteral("Suffolk County Council"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking));
    r.answers.remove(QStringLiteral("special.otherChildAuthority"));
    give(r, QStringLiteral("special.otherChildReferral"), QStringLiteral("NOR-2026-000123"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-R4"), Severity::Blocking));
}

TEST_CASE("LIN-L1: Lincolnshire asks about an allegation against someone who works with children too, marked confirm locally")
{
    const Question *question = lincolnshire().questionForField(QStringLiteral("special.allegationAgainstWorker"), Repeat::None);
    REQUIRE(question);
    CHECK(question->help.contains(QStringLiteral("Confirm locally")));
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("special.allegationAgainstWorker"), QStringLiteral("no"));
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-L1"), Severity::Advice));
    give(r, QStringLiteral("special.allegationAgainstWorker"), QStringLiteral("yes"));
    const Findings findings = evaluate(r, lincolnshire(), testNow());
    CHECK(has(findings, QStringLiteral("LIN-L1"), Severity::Advice, QStringLiteral("special.allegationAgainstWorker")));
    CHECK_FALSE(blockingIds(findings).contains(QStringLiteral("LIN-L1"))); // advice, never a block
}

TEST_CASE("LIN-R4 and NOR-R2: an open case records how the allocated worker was contacted")
{
    for (const QString &id : {QStringLiteral("lincolnshire-csc"), QStringLiteral("norfolk-cads")}) {
        const QString ruleId = id.startsWith(QLatin1String("lin")) ? QStringLiteral("LIN-R4") : QStringLiteral("NOR-R2");
        Referral r = draft(id);
        give(r, QStringLiteral("special.openCase"), QStringLiteral("yes"));
        CHECK(has(evaluate(r, profile(id), testNow()), ruleId, Severity::Outstanding,
                  QStringLiteral("special.allocatedWorkerContact")));
        give(r, QStringLiteral("special.allocatedWorkerContact"), QStringLiteral("Transferred to the team"));
        CHECK_FALSE(has(evaluate(r, profile(id), testNow()), ruleId, Severity::Outstanding,
                        QStringLiteral("special.allocatedWorkerContact")));
    }
}
