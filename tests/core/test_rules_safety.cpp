// §2 Immediate safety: each rule shown firing and not firing.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-S5: immediate danger needs the action taken recorded")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("no"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S5"), Severity::Blocking));

    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S5"), Severity::Blocking,
              QStringLiteral("triage.dangerAction")));

    giveMany(r, QStringLiteral("triage.dangerAction"), {QStringLiteral("policeCalled")});
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S5"), Severity::Blocking));
}

TEST_CASE("LIN-S1: the same safety must reports under Lincolnshire's ID")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("yes"));
    const Findings findings = evaluate(r, lincolnshire(), testNow());
    CHECK(has(findings, QStringLiteral("LIN-S1"), Severity::Blocking, QStringLiteral("triage.dangerAction")));
    CHECK_FALSE(blockingIds(findings).contains(QStringLiteral("NOR-S5")));

    give(r, QStringLiteral("triage.dangerActionDetail"), QStringLiteral("Police attended at 10:20"));
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-S1"), Severity::Blocking));
}

TEST_CASE("NOR-S2: immediate danger means other children are considered")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S2"), Severity::Blocking,
              QStringLiteral("triage.otherChildren")));
    r.setAnswer(QStringLiteral("triage.otherChildren"), Answer::notKnown());
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S2"), Severity::Blocking));
}

TEST_CASE("NOR-S1: medical attention needs what was done, the paediatrician is outstanding until recorded")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.medicalAttention"), QStringLiteral("no"));
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK_FALSE(has(findings, QStringLiteral("NOR-S1"), Severity::Blocking));

    give(r, QStringLiteral("triage.medicalAttention"), QStringLiteral("yes"));
    findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-S1"), Severity::Blocking, QStringLiteral("triage.medicalAction")));
    CHECK(has(findings, QStringLiteral("NOR-S1"), Severity::Outstanding,
              QStringLiteral("triage.paediatricianInformed")));

    give(r, QStringLiteral("triage.medicalAction"), QStringLiteral("Ambulance called 10:12"));
    give(r, QStringLiteral("triage.paediatricianInformed"), QStringLiteral("yes"));
    findings = evaluate(r, norfolk(), testNow());
    CHECK_FALSE(has(findings, QStringLiteral("NOR-S1"), Severity::Blocking));
    CHECK_FALSE(has(findings, QStringLiteral("NOR-S1"), Severity::Outstanding,
                    QStringLiteral("triage.paediatricianInformed")));
}

TEST_CASE("NOR-S3: a child in hospital is not discharged before a decision")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.hospitalInpatient"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S3"), Severity::Blocking));
    give(r, QStringLiteral("triage.dischargeHeld"), QStringLiteral("no"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S3"), Severity::Blocking));
    give(r, QStringLiteral("triage.dischargeHeld"), QStringLiteral("yes"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S3"), Severity::Blocking));
}

TEST_CASE("LIN-S1: in Lincolnshire an approaching deadline blocks until the immediate protection is recorded")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("no"));
    give(r, QStringLiteral("triage.approachingDeadline"), QStringLiteral("yes")); // collected by the alleged abuser today
    const Findings findings = evaluate(r, lincolnshire(), testNow());
    CHECK(has(findings, QStringLiteral("LIN-S1"), Severity::Blocking, QStringLiteral("triage.deadlineAction")));
    CHECK_FALSE(blockingIds(findings).contains(QStringLiteral("NOR-S4")));
    give(r, QStringLiteral("triage.deadlineAction"), QStringLiteral("Police asked to attend the school at 15:00"));
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-S1"), Severity::Blocking));
}

TEST_CASE("NOR-S4: an approaching deadline needs the protective action")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("triage.approachingDeadline"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S4"), Severity::Blocking));
    give(r, QStringLiteral("triage.deadlineAction"), QStringLiteral("School keeping the child until 15:30"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-S4"), Severity::Blocking));
}
