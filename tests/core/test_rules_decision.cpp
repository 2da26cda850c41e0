// §8 Decisions, timescales and feedback.
#include "support/referralbuilder.h"

#include "rules/evaluator.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("LIN-T2: the call ends with who does what next recorded")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-T2"), Severity::Blocking,
              QStringLiteral("call.agreedActions")));
    give(r, QStringLiteral("call.agreedActions"), QStringLiteral("CSC passes to FAST; school monitors"));
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-T2"), Severity::Blocking));
}

TEST_CASE("NOR-O1: at the decision every child has an outcome from the list, with reasons")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O1"), Severity::Blocking));

    r.status = ReferralStatus::Submitted;
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O1"), Severity::Blocking,
              QStringLiteral("outcomes[c1]")));

    r.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("madeUp"), {}, {}, QStringLiteral("u-sup"),
                                   testNow()});
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-O1"), Severity::Blocking, QStringLiteral("outcomes[c1].outcome")));
    CHECK(has(findings, QStringLiteral("NOR-O1"), Severity::Blocking, QStringLiteral("outcomes[c1].rationale")));

    r.outcomes[0].outcome = QStringLiteral("socialWorkAssessment");
    r.outcomes[0].rationale = QStringLiteral("Repeated unexplained bruising");
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O1"), Severity::Blocking));

    SECTION("an outcome for a child who is not in the referral")
    {
        r.outcomes.append(ChildOutcome{QStringLiteral("c9"), QStringLiteral("earlyHelp"), QStringLiteral("x"), {},
                                       {}, {}});
        CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O1"), Severity::Blocking,
                  QStringLiteral("outcomes[c9]")));
    }
}

TEST_CASE("LIN-O3: Lincolnshire's outcomes are its own list")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"));
    r.status = ReferralStatus::Submitted;
    r.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("socialWorkAssessment"),
                                   QStringLiteral("reasons"), {}, {}, {}});
    CHECK(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-O3"), Severity::Blocking,
              QStringLiteral("outcomes[c1].outcome")));
    r.outcomes[0].outcome = QStringLiteral("tac");
    CHECK_FALSE(has(evaluate(r, lincolnshire(), testNow()), QStringLiteral("LIN-O3"), Severity::Blocking));
}

TEST_CASE("ALL-T6: no further action needs the alternatives offered, feedback before closing")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("referrer.type"), QStringLiteral("professional"));
    r.status = ReferralStatus::Decided;
    r.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("noFurtherAction"),
                                   QStringLiteral("No concerns of harm"), {}, {}, {}});
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("ALL-T6"), Severity::Blocking, QStringLiteral("outcomes[c1].alternatives")));
    CHECK(has(findings, QStringLiteral("ALL-T6"), Severity::Outstanding, QStringLiteral("feedback")));

    r.outcomes[0].alternatives = QStringList{QStringLiteral("familyGroupConference")};
    r.status = ReferralStatus::Closed;
    findings = evaluate(r, norfolk(), testNow());
    CHECK_FALSE(has(findings, QStringLiteral("ALL-T6"), Severity::Blocking, QStringLiteral("outcomes[c1].alternatives")));
    CHECK(has(findings, QStringLiteral("ALL-T6"), Severity::Blocking, QStringLiteral("feedback")));

    r.feedback.append(FeedbackRecord{QStringLiteral("f1"), testNow(), QStringLiteral("phone"),
                                     QStringLiteral("Told of NFA and FGC"), QStringLiteral("u-sup")});
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-T6"), Severity::Blocking));

    SECTION("an anonymous referrer cannot be fed back")
    {
        r.feedback.clear();
        give(r, QStringLiteral("referrer.type"), QStringLiteral("anonymous"));
        give(r, QStringLiteral("identity.decision"), QStringLiteral("anonymous"));
        CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-T6"), Severity::Blocking,
                        QStringLiteral("feedback")));
    }
}

TEST_CASE("NOR-O2: harm by another child or a stranger needs the perpetrator's risk and the parents' part")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    give(r, QStringLiteral("concern.perpetratorStranger"), QStringLiteral("yes"));
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O2"), Severity::Blocking));
    r.status = ReferralStatus::Submitted;
    Findings findings = evaluate(r, norfolk(), testNow());
    CHECK(has(findings, QStringLiteral("NOR-O2"), Severity::Blocking, QStringLiteral("decision.perpetratorRisk")));
    CHECK(has(findings, QStringLiteral("NOR-O2"), Severity::Blocking, QStringLiteral("decision.parentContributed")));
    give(r, QStringLiteral("decision.perpetratorRisk"), QStringLiteral("yes"));
    r.setAnswer(QStringLiteral("decision.parentContributed"), Answer::notKnown());
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("NOR-O2"), Severity::Blocking));
}

TEST_CASE("ALL-T8: an open action past its due time stands out, a done one does not")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    FollowUpAction action;
    action.id = QStringLiteral("a1");
    action.kind = QStringLiteral("decision");
    action.procedureId = QStringLiteral("NOR-T4");
    action.description = QStringLiteral("Decide the next steps");
    action.due = testNow().addSecs(-60);
    r.actions.append(action);
    CHECK(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-T8"), Severity::Advice,
              QStringLiteral("actions[a1]")));
    r.actions[0].due = testNow().addSecs(60);
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-T8"), Severity::Advice));
    r.actions[0].due = testNow().addSecs(-60);
    r.actions[0].status = ActionStatus::Done;
    CHECK_FALSE(has(evaluate(r, norfolk(), testNow()), QStringLiteral("ALL-T8"), Severity::Advice));
}
