// §4 Parental consent decision.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {
Referral professionalCall(const QString &profileId)
{
    Referral r = draft(profileId);
    give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("mayBeShared"));
    return r;
}
} // namespace

TEST_CASE("ALL-C1: consent recorded as not applicable needs a reason")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notApplicable"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-C1"), Severity::Blocking,
              QStringLiteral("consent.notApplicableReason")));
    give(r, QStringLiteral("consent.notApplicableReason"), QStringLiteral("The caller is a neighbour"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-C1"), Severity::Blocking));
}

TEST_CASE("NOR-C2: an agreement says who agreed")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("agreed"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C2"), Severity::Outstanding,
              QStringLiteral("consent.agreedBy")));
    give(r, QStringLiteral("consent.agreedBy"), QStringLiteral("Mother, on the phone at 09:40"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C2"), Severity::Outstanding));
}

TEST_CASE("LIN-C3: not sought needs the reasons — a factor or words")
{
    Referral r = professionalCall(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notSought"));
    CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-C3"), Severity::Blocking,
              QStringLiteral("consent.factors")));

    SECTION("a factor from the procedure")
    {
        giveMany(r, QStringLiteral("consent.factors"), {QStringLiteral("evidence"), QStringLiteral("intimidation")});
        CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-C3"), Severity::Blocking));
    }
    SECTION("another reason in words")
    {
        give(r, QStringLiteral("consent.otherReason"), QStringLiteral("Father has threatened staff before"));
        CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-C3"), Severity::Blocking));
    }
}

TEST_CASE("NOR-C4: a professional not seeking consent needs reasons and their manager's approval")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notSought"));
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(keys(findings, Severity::Blocking).contains(QStringLiteral("NOR-C4 consent.factors")));
    CHECK(keys(findings, Severity::Blocking).contains(QStringLiteral("NOR-C4 consent.managerName")));
    CHECK(keys(findings, Severity::Blocking).contains(QStringLiteral("NOR-C4 consent.managerApprovedAt")));

    giveMany(r, QStringLiteral("consent.factors"), {QStringLiteral("responseRisk")});
    give(r, QStringLiteral("consent.managerName"), QStringLiteral("Pat Manager"));
    give(r, QStringLiteral("consent.managerApprovedAt"), QStringLiteral("2026-11-24T09:55:00.000Z"));
    CHECK_FALSE(blockingIds(evaluate(r, norfolk(), testNow())).contains(QStringLiteral("NOR-C4")));

    SECTION("a member of the public needs reasons but has no manager to ask")
    {
        Referral pub = draft(QStringLiteral("norfolk-cads"));
        give(pub, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
        give(pub, QStringLiteral("consent.decision"), QStringLiteral("notSought"));
        const QSet<QString> blocking = keys(evaluate(pub, norfolk(), testNow()), Severity::Blocking);
        CHECK(blocking.contains(QStringLiteral("NOR-C4 consent.factors")));
        CHECK_FALSE(blocking.contains(QStringLiteral("NOR-C4 consent.managerName")));
    }
}

TEST_CASE("NOR-C5: a refusal needs the consultation's outcome, or that it would cause undue delay")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("refused"));
    give(r, QStringLiteral("consent.proceedingReason"), QStringLiteral("Risk of significant harm"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C5"), Severity::Blocking));

    SECTION("the outcome recorded")
    {
        give(r, QStringLiteral("consent.consultationOutcome"), QStringLiteral("DSP advised to refer today"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C5"), Severity::Blocking));
    }
    SECTION("undue delay said")
    {
        give(r, QStringLiteral("consent.undueDelay"), QStringLiteral("yes"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C5"), Severity::Blocking));
    }
}

TEST_CASE("NOR-C6: proceeding despite a refusal needs the reason")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("refused"));
    give(r, QStringLiteral("consent.undueDelay"), QStringLiteral("yes"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C6"), Severity::Blocking,
              QStringLiteral("consent.proceedingReason")));
    give(r, QStringLiteral("consent.proceedingReason"), QStringLiteral("Bruising seen today"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C6"), Severity::Blocking));
}

TEST_CASE("NOR-C7: a family-support referral needs the PR holder's agreement")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("concern.threshold"), QStringLiteral("familySupport"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notYetKnown"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C7"), Severity::Blocking));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("agreed"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C7"), Severity::Blocking));

    give(r, QStringLiteral("concern.threshold"), QStringLiteral("significantHarm"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notYetKnown"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C7"), Severity::Blocking));
}

TEST_CASE("NOR-C9: pre-birth without consent prompts for the reason")
{
    Referral r = professionalCall(QStringLiteral("norfolk-cads"));
    giveChild(r, 0, QStringLiteral("unborn"), QStringLiteral("yes"));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("agreed"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C9"), Severity::Advice));
    give(r, QStringLiteral("consent.decision"), QStringLiteral("notSought"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-C9"), Severity::Advice));
}
