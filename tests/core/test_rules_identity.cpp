// §5 Referrer identity, anonymity and confidentiality.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-A2: a professional can never be anonymous — the core rejects it")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("anonymous"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A2"), Severity::Blocking,
              QStringLiteral("identity.decision")));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("notToFamily"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A2"), Severity::Blocking));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("mayBeShared"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A2"), Severity::Blocking));

    SECTION("a member of the public may be anonymous")
    {
        give(r, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
        give(r, QStringLiteral("identity.decision"), QStringLiteral("anonymous"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A2"), Severity::Blocking));
    }
}

TEST_CASE("LIN-A4: a professional's referral cannot be anonymous in Lincolnshire either")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("anonymous"));
    CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-A4"), Severity::Blocking));
}

TEST_CASE("NOR-A2 LIN-A4: a professional's name or organisation recorded as not known or declined blocks submission")
{
    for (const auto &[profileId, rule] : {std::pair{QStringLiteral("norfolk-cads"), QStringLiteral("NOR-A2")},
                                          std::pair{QStringLiteral("lincolnshire-csc"), QStringLiteral("LIN-A4")}}) {
        INFO(profileId.toStdString());
        const Profile &p = profile(profileId);
        Referral r = draft(profileId);
        give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
        give(r, QStringLiteral("identity.decision"), QStringLiteral("mayBeShared"));
        r.setAnswer(QStringLiteral("referrer.name"), Answer::declined(QStringLiteral("would not say")));
        r.setAnswer(QStringLiteral("referrer.organisation"), Answer::notKnown());
        const Findings findings = evaluate(r, p, testNow());
        CHECK(has(findings, rule, Severity::Blocking, QStringLiteral("referrer.name")));
        CHECK(has(findings, rule, Severity::Blocking, QStringLiteral("referrer.organisation")));

        give(r, QStringLiteral("referrer.name"), QStringLiteral("Invented Teacher"));
        give(r, QStringLiteral("referrer.organisation"), QStringLiteral("Invented Primary School"));
        CHECK_FALSE(has(evaluate(r, p, testNow()), rule, Severity::Blocking, QStringLiteral("referrer.name")));

        // A member of the public may decline to give a name.
        give(r, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
        r.setAnswer(QStringLiteral("referrer.name"), Answer::declined({}));
        CHECK_FALSE(has(evaluate(r, p, testNow()), rule, Severity::Blocking, QStringLiteral("referrer.name")));
    }
}

TEST_CASE("LIN-A6: a professional's source kept from the family needs the good-faith judgement")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("notToFamily"));
    CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-A6"), Severity::Blocking,
              QStringLiteral("identity.goodFaithJudgement")));
    give(r, QStringLiteral("identity.goodFaithJudgement"), QStringLiteral("Passing on a pupil's account"));
    const Findings findings = evaluate(r, lincolnshire(), testNow());
    CHECK_FALSE(has(findings, QStringLiteral("LIN-A6"), Severity::Blocking));
    CHECK_FALSE(has(findings, QStringLiteral("LIN-A4"), Severity::Blocking));
}

TEST_CASE("NOR-A1: a caller who gave no name cannot be recorded as shareable")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("anonymous"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("mayBeShared"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A1"), Severity::Blocking));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("anonymous"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A1"), Severity::Blocking));
}

TEST_CASE("NOR-A3: anonymity requested needs 'no guarantee of confidentiality' explained and recorded")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
    give(r, QStringLiteral("identity.decision"), QStringLiteral("mayBeShared"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A3"), Severity::Blocking));

    give(r, QStringLiteral("identity.decision"), QStringLiteral("notToFamily"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A3"), Severity::Blocking,
              QStringLiteral("identity.confidentialityExplained")));
    give(r, QStringLiteral("identity.confidentialityExplained"), QStringLiteral("no"));
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A3"), Severity::Blocking));
    give(r, QStringLiteral("identity.confidentialityExplained"), QStringLiteral("yes"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-A3"), Severity::Blocking));
}
