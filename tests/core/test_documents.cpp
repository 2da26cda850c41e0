// Issue 8 (first part): what leaves the building names an anonymous referrer nowhere. Redaction is decided once, in
// core/documents, from the identity decision; the family notice can only be built from a redacted referral.
#include "support/referralbuilder.h"

#include "documents/familynotice.h"
#include "documents/queuecsv.h"
#include "documents/referrerfeedback.h"
#include "documents/writtenrecord.h"
#include "referral/fields.h"
#include "training/syntheticreferrals.h"

#include <QRandomGenerator>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-A1 LIN-A5: across 10,000 invented referrals, no family notice holds a referrer it may not name")
{
    SyntheticReferrals synthetic(88);
    QRandomGenerator random(99);
    int withheld = 0;
    int named = 0;
    for (int i = 0; i < 10'000; ++i) {
        const auto [r, profilePointer, canaries] = canaryReferral(synthetic, random, i);
        const Profile &profile = *profilePointer;

        const RedactedReferral forFamily(r, Audience::Family);
        const Document notice = familyNotice(forFamily, profile);
        const QString everything = notice.everyString().join(u'\n');
        if (!mayNameReferrer(r, Audience::Family)) {
            ++withheld;
            for (const QString &canary : canaries)
                if (everything.contains(canary)) {
                    INFO("referral " << i << ", caller " << r.answer(Field::referrerType).value().toStdString()
                                     << ", decision " << r.answer(Field::identityDecision).value().toStdString());
                    FAIL("the family notice holds " << canary.toStdString());
                }
            // Removed from what any family-facing builder can read, not just from this notice.
            CHECK_FALSE(forFamily.referral().answer(Field::referrerName).isAddressed());
            CHECK(forFamily.referral().feedback.isEmpty());
        } else {
            ++named;
            CHECK(everything.contains(canaries.at(4))); // the organisation, named as the procedure asks (LIN-A4)
        }
        // The internal view keeps everything, and the written record (internal) names the referrer.
        CHECK(RedactedReferral(r, Audience::Internal).referral() == r);
        if (i % 50 == 0) { // a fiftieth is plenty for what does not vary with the decision
            const QString record = writtenRecord(r, profile, {}, {}).everyString().join(u'\n');
            for (const int k : {0, 1, 2, 3, 4, 5}) // name, phone, email, address, organisation, role
                CHECK(record.contains(canaries.at(k)));
        }
    }
    CHECK(withheld > 5'000);
    CHECK(named > 500);
}

TEST_CASE("NOR-A2 LIN-A4 LIN-A6: who may be named to whom, decided in one place")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    const auto as = [&r](const char *caller, const char *decision) {
        give(r, Field::referrerType.toString(), QString::fromLatin1(caller));
        give(r, Field::identityDecision.toString(), QString::fromLatin1(decision));
        return std::tuple{mayNameReferrer(r, Audience::Internal), mayNameReferrer(r, Audience::Family),
                          mayNameReferrer(r, Audience::Agency)};
    };
    CHECK(as("professional", "mayBeShared") == std::tuple{true, true, true});
    CHECK(as("professional", "notToFamily") == std::tuple{true, false, true}); // LIN-A6: the good-faith judgement
    CHECK(as("memberOfPublic", "mayBeShared") == std::tuple{true, true, true});
    CHECK(as("memberOfPublic", "notToFamily") == std::tuple{true, false, false}); // LIN-A5: only with permission
    CHECK(as("memberOfPublic", "anonymous") == std::tuple{true, false, false});
    CHECK(as("anonymous", "mayBeShared") == std::tuple{true, false, false});
}

TEST_CASE("NOR-C6 LIN-A4: the family notice says which children, when, and how to get in touch, in plain words")
{
    Referral r = draft(QStringLiteral("norfolk-cads"), QStringLiteral("Ada Testchild"));
    give(r, Field::referrerType.toString(), QStringLiteral("memberOfPublic"));
    give(r, Field::identityDecision.toString(), QStringLiteral("anonymous"));
    const Document notice = familyNotice(RedactedReferral(r, Audience::Family), norfolk());
    const QString text = notice.paragraphs.join(u' ');
    CHECK(text.contains(QStringLiteral("Ada Testchild")));
    CHECK(text.contains(r.reference));
    CHECK(text.contains(QStringLiteral("not able to tell you who made the referral")));
    CHECK(text.contains(norfolk().contact(QStringLiteral("frontDoor"))->number));
    CHECK(notice.fileNameStem == QStringLiteral("notice-to-family-") + r.reference);
}

TEST_CASE("NOR-C6 LIN-A4: after a decision the family notice says what happens next for each child, never why or who",
          "[issue18]")
{
    Referral r = draft(QStringLiteral("norfolk-cads"), QStringLiteral("Ada Testchild"));
    r.children.append(
        Person{QStringLiteral("c2"), {{QStringLiteral("name"), Answer::given(QStringLiteral("Ben Testchild"))}}});
    give(r, Field::referrerType.toString(), QStringLiteral("neighbour"));
    give(r, Field::referrerName.toString(), QStringLiteral("Nora Neighbourly"));
    give(r, Field::identityDecision.toString(), QStringLiteral("anonymous"));
    const QString before = familyNotice(RedactedReferral(r, Audience::Family), norfolk()).paragraphs.join(u'\n');
    CHECK(before.contains(QStringLiteral("A worker will look at the information and decide what happens next.")));

    r.status = ReferralStatus::Decided;
    const QString reasons = QStringLiteral("Nora Neighbourly heard shouting; the school reports bruising.");
    r.outcomes = {
        ChildOutcome{QStringLiteral("c1"), QStringLiteral("section47"), reasons, {}, QStringLiteral("sam"), testNow()},
        ChildOutcome{QStringLiteral("c2"), QStringLiteral("section47"), reasons, {}, QStringLiteral("sam"), testNow()}};
    const Document notice = familyNotice(RedactedReferral(r, Audience::Family), norfolk());
    const QString both = notice.everyString().join(u'\n');
    CHECK_FALSE(both.contains(QStringLiteral("A worker will look")));
    CHECK(both.contains(QStringLiteral("We have looked at the information and decided what happens next.")));
    // One paragraph for both, in the family's words, whatever the number of children.
    CHECK(both.contains(QStringLiteral("a social worker will make enquiries into the safety and wellbeing of Ada "
                                       "Testchild and Ben Testchild, and will talk with you about this.")));
    CHECK_FALSE(both.contains(QStringLiteral("Section 47"))); // the procedure's label is not the family's words
    CHECK_FALSE(both.contains(QStringLiteral("Nora")));
    CHECK_FALSE(both.contains(QStringLiteral("bruising")));

    r.outcomes[1].outcome = QStringLiteral("earlyHelp");
    const QString each = familyNotice(RedactedReferral(r, Audience::Family), norfolk()).paragraphs.join(u'\n');
    CHECK(each.contains(QStringLiteral("For Ada Testchild: Because of what we have been told")));
    CHECK(each.contains(QStringLiteral("wellbeing of Ada Testchild,")));
    CHECK(each.contains(QStringLiteral("For Ben Testchild: We think your family may be helped by early help")));
}

TEST_CASE("NOR-C6 LIN-A4: every outcome of both profiles has words for a family of its own")
{
    for (const Profile *profile : {&norfolk(), &lincolnshire()}) {
        const OptionList *outcomes = profile->optionList(profile->outcomeList);
        REQUIRE(outcomes);
        for (const ChoiceOption &option : outcomes->options) {
            INFO(option.value.toStdString());
            CHECK(option.forFamily.size() > 40);
            CHECK_FALSE(option.forFamily.contains(option.label));
        }
    }
}

TEST_CASE("NOR-G0 NOR-D2: the written record shows items not known as such, the outstanding findings and the signatures")
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
    r.setAnswer(Field::referrerName, Answer::notKnown());
    r.setAnswer(Field::consentDecision, Answer::given(QStringLiteral("refused")));
    r.children[0].answers.insert(QStringLiteral("dateOfBirth"), Answer::notAsked(QStringLiteral("the caller was upset")));
    const Findings outstanding{Finding{QStringLiteral("ALL-G1"), Severity::Outstanding, QStringLiteral("children[c1].gender"),
                                       QStringLiteral("Still to ask: Gender")}};
    AuditEvent signature;
    signature.sequence = 42;
    signature.user = QStringLiteral("u-supervisor");
    signature.at = testNow();
    signature.kind = auditKindName(AuditKind::Signed);
    signature.payload = {{QStringLiteral("what"), QStringLiteral("decision")}};
    signature.hash = QString(64, u'a');
    const Document record = writtenRecord(r, norfolk(), outstanding, {signature});
    const QString text = record.paragraphs.join(u'\n');
    CHECK(text.contains(QStringLiteral("Caller’s name: Not known")));
    CHECK(text.contains(QStringLiteral("Not asked — the caller was upset")));
    CHECK(text.contains(QStringLiteral("The parent refused")));
    CHECK(text.contains(QStringLiteral("Still to ask: Gender (ALL-G1)")));
    CHECK(text.contains(QStringLiteral("Signed the decision: u-supervisor")));
    CHECK(text.contains(QStringLiteral("audit event 42")));
    CHECK(record.paragraphs.constFirst().startsWith(QStringLiteral("INTERNAL")));
}

TEST_CASE("LIN-T5 ALL-T6: a professional is told each child's outcome in writing, a member of the public only that it was dealt with")
{
    Referral r = draft(QStringLiteral("lincolnshire-csc"), QStringLiteral("Ada Testchild"));
    r.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("noFurtherAction"),
                                   QStringLiteral("Needs met by the school."), {QStringLiteral("tac")}, {}, {}});
    give(r, Field::referrerType.toString(), QStringLiteral("professional"));
    const QString professional = referrerFeedback(r, lincolnshire()).paragraphs.join(u'\n');
    CHECK(professional.contains(QStringLiteral("Ada Testchild: No further action")));
    CHECK(professional.contains(QStringLiteral("Needs met by the school.")));
    CHECK(professional.contains(QStringLiteral("Offered instead: Team Around the Child")));

    give(r, Field::referrerType.toString(), QStringLiteral("memberOfPublic"));
    const Document publicLetter = referrerFeedback(r, lincolnshire());
    const QString text = publicLetter.everyString().join(u'\n');
    CHECK(text.contains(QStringLiteral("appropriate action is being taken")));
    for (const char *confidential : {"Ada Testchild", "No further action", "Needs met by the school", "Team Around"})
        CHECK_FALSE(text.contains(QString::fromLatin1(confidential)));
}

TEST_CASE("The queue as CSV holds no names or free text by default, quotes as RFC 4180, and defuses formulas")
{
    ReferralSummary row;
    row.reference = QStringLiteral("NOR-2026-000001");
    row.profileId = QStringLiteral("norfolk-cads");
    row.status = ReferralStatus::Submitted;
    row.handler = QStringLiteral("priya");
    row.urgent = true;
    row.callStartedAt = testNow();
    row.children = QStringLiteral("=HYPERLINK(\"x\"), \"Ada\" Testchild");
    const QString byDefault = QString::fromUtf8(QueueCsv::write({row}, QueueCsv::defaultColumns()).value());
    CHECK(byDefault.startsWith(QStringLiteral("reference,profile,received,status,urgent,nextDue,handler\r\n")));
    CHECK(byDefault.contains(QStringLiteral("NOR-2026-000001,norfolk-cads,2026-11-24T10:30:00Z,submitted,yes,,priya\r\n")));
    CHECK_FALSE(byDefault.contains(QStringLiteral("Ada")));

    const QString chosen = QString::fromUtf8(QueueCsv::write({row}, {QStringLiteral("reference"), QStringLiteral("children")}).value());
    CHECK(chosen.contains(QStringLiteral("NOR-2026-000001,\"'=HYPERLINK(\"\"x\"\"), \"\"Ada\"\" Testchild\"\r\n")));
    CHECK(QueueCsv::write({row}, {QStringLiteral("concern")}).errorMessage().contains(QStringLiteral("not a column")));

    // Issue 17: no control character reaches a cell — a line break or tab becomes a space, an escape is dropped.
    row.children = QStringLiteral("Ada\nTest\tchild\x1b[31m\u0085");
    const QString controlled = QString::fromUtf8(QueueCsv::write({row}, {QStringLiteral("children")}).value());
    CHECK(controlled == QStringLiteral("children\r\nAda Test child[31m\r\n"));
}
