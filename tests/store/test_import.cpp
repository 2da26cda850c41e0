// Issue 16: an imported referral meets the rules the editor and submission meet — its reference, its values, the
// musts of the stage it claims — keeps where it came from without passing its people off as local accounts, gets
// the follow-up actions submission would have set, and can never break this database's numbering.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "support/testsupport.h"

#include "calendar/followupplanner.h"
#include "referral/fields.h"
#include "referral/referraljson.h"
#include "rules/answerchecks.h"
#include "rules/evaluator.h"
#include "store/auditverifier.h"
#include "store/audittrail.h"
#include "store/referralimport.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const Actor importer{QStringLiteral("u-supervisor"), Role::Supervisor};

Referral fromElsewhere(const QString &reference)
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    r.reference = reference;
    r.handler = QStringLiteral("u-handler"); // a sign-in name there, and one that exists here too
    return r;
}

Result<SaveReceipt> importInto(StoreFixture &f, const Referral &r, const Profile &profile = norfolk())
{
    return f->referrals().importReferral(r, profile, importer, QStringLiteral("from-elsewhere.json"));
}

} // namespace

TEST_CASE("An imported reference must be the profile's own form: an absurd number cannot break the numbering")
{
    StoreFixture f;
    for (const QString &reference :
         {QStringLiteral("NOR-2026-9223372036854775806"), QStringLiteral("nor-2026-000321"),
          QStringLiteral("NOR-2026-000 321"), QStringLiteral(" NOR-2026-000321"), QStringLiteral("LIN-2026-000321"),
          QStringLiteral("NOR-2026-00321"), QStringLiteral("NOR-1899-000321"), QStringLiteral("NOR-2026-000321\n")}) {
        INFO(reference.toStdString());
        const Result<SaveReceipt> imported = importInto(f, fromElsewhere(reference));
        REQUIRE_FALSE(imported);
        CHECK(imported.errorMessage().contains(QStringLiteral("Nothing was imported")));
    }
    // Drafts still open with the next ordinary numbers, and the trail still verifies.
    for (int i = 1; i <= 3; ++i) {
        const Result<StoredReferral> next = f->referrals().createDraft(norfolk(), handler);
        REQUIRE(next);
        CHECK(next->referral.reference == QStringLiteral("NOR-2026-00000%1").arg(i));
    }
    CHECK(AuditVerifier::verify(f->database()).value().intact());
}

TEST_CASE("An imported reference at the top of the six digits is stored, and new drafts still open without colliding")
{
    StoreFixture f;
    REQUIRE(importInto(f, fromElsewhere(QStringLiteral("NOR-2026-999999"))));
    const Result<StoredReferral> next = f->referrals().createDraft(norfolk(), handler);
    REQUIRE(next);
    CHECK(next->referral.reference == QStringLiteral("NOR-2026-1000000"));
    CHECK(f->referrals().createDraft(norfolk(), handler));
    CHECK(AuditVerifier::verify(f->database()).value().intact());
}

TEST_CASE("A live database takes no training case, and a training database no live referral")
{
    StoreFixture f;
    CHECK_FALSE(importInto(f, fromElsewhere(QStringLiteral("TRN-NOR-2026-000001"))));
    Store::Options options;
    options.training = true;
    std::unique_ptr<Store> training =
        std::move(Store::open(f.dir.filePath(QStringLiteral("training.sqlite")), f.clock, options).value());
    const Result<SaveReceipt> live = training->referrals().importReferral(
        fromElsewhere(QStringLiteral("NOR-2026-000001")), norfolk(), importer, QStringLiteral("x.json"));
    REQUIRE_FALSE(live);
    CHECK(live.errorMessage().contains(QStringLiteral("live referral")));
}

TEST_CASE("Values the editor could never have stored are refused, even in a draft")
{
    StoreFixture f;
    const QList<std::tuple<const char *, QString, QString, QString>> wrong{
        {"a date that does not exist", QStringLiteral("dateOfBirth"), QStringLiteral("2020-02-30"), QStringLiteral("neither a date")},
        {"a birth in the future", QStringLiteral("dateOfBirth"), QStringLiteral("2031-01-01"), QStringLiteral("future")},
        {"a birth 130 years ago", QStringLiteral("dateOfBirth"), QStringLiteral("1896-05-01"), QStringLiteral("120 years")},
        {"an age of 130 years", QStringLiteral("dateOfBirth"), QStringLiteral("age:130y"), QStringLiteral("over 120 years")},
        {"a control character in a name", QStringLiteral("name"), QStringLiteral("Ada\x07Testchild"), QStringLiteral("control characters")},
    };
    int n = 0;
    for (const auto &[what, key, value, reason] : wrong) {
        INFO(what);
        Referral r = fromElsewhere(QStringLiteral("NOR-2026-00010%1").arg(++n));
        giveChild(r, 0, key, value);
        const Result<SaveReceipt> imported = importInto(f, r);
        REQUIRE_FALSE(imported);
        INFO(imported.errorMessage().toStdString());
        CHECK(imported.errorMessage().contains(reason));
    }
    Referral withRecord = fromElsewhere(QStringLiteral("NOR-2026-000200"));
    withRecord.conversations.append(Conversation{QStringLiteral("d1"), testNow(), QStringLiteral("police"), {}, {},
                                                 QStringLiteral("Said\x1b[2J"), {}, QStringLiteral("u-sup")});
    CHECK_FALSE(importInto(f, withRecord));
    CHECK(f->queries().count(ReferralFilter{}).value() == 0);
}

TEST_CASE("A referral imported as submitted must meet the call's musts, and as decided the decision's, signed there")
{
    StoreFixture f;
    // NOR-A2: a professional marked anonymous blocks submission, so it cannot arrive as submitted either.
    Referral professional = fromElsewhere(QStringLiteral("NOR-2026-000301"));
    give(professional, Field::referrerType.toString(), QStringLiteral("professional"));
    give(professional, Field::identityDecision.toString(), QStringLiteral("anonymous"));
    professional.status = ReferralStatus::Submitted;
    const Result<SaveReceipt> submitted = importInto(f, professional);
    REQUIRE_FALSE(submitted);
    CHECK(submitted.errorMessage().contains(QStringLiteral("NOR-A2")));
    professional.status = ReferralStatus::Draft; // a draft may still be wrong: the call is not over
    CHECK(importInto(f, professional));

    // Decided with an outcome nobody signed.
    Referral decided = draft(QStringLiteral("norfolk-cads"));
    decided.reference = QStringLiteral("NOR-2026-000302");
    decided.status = ReferralStatus::Decided;
    decided.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("nfa"), QStringLiteral("Invented reasons"),
                                         {}, {}, {}});
    const Result<SaveReceipt> unsigned_ = importInto(f, decided);
    REQUIRE_FALSE(unsigned_);
    CHECK(unsigned_.errorMessage().contains(QStringLiteral("NOR-D2")));
}

TEST_CASE("An imported record's people stay theirs: no local account is said to have acted, and the trail says where from")
{
    StoreFixture f;
    Referral r = fromElsewhere(QStringLiteral("NOR-2026-000401"));
    REQUIRE(importInto(f, r));
    const StoredReferral stored = f->referrals().load(r.reference).value();
    CHECK(stored.referral.handler == QStringLiteral("u-handler (imported)"));
    // The local u-handler's own list does not show it as theirs.
    ReferralFilter mine;
    mine.handler = QStringLiteral("u-handler");
    CHECK(f->queries().count(mine).value() == 0);
    const QList<AuditEvent> events = AuditTrail::forReferral(f->database(), r.reference).value();
    REQUIRE(events.size() == 1);
    CHECK(events.first().user == importer.userId);
    CHECK(events.first().payload.value(QStringLiteral("handledThereBy")).toString() == QStringLiteral("u-handler"));
    CHECK(events.first().payload.value(QStringLiteral("source")).toString() == QStringLiteral("from-elsewhere.json"));
}

TEST_CASE("A submitted referral imported without actions gets those submission sets, due from its own call")
{
    StoreFixture f;
    Referral r = ReferralJson::parse(readText(sourceDir() + QStringLiteral("/scenarios/fixtures/nor-consent-refused-recorded.json")).toUtf8(),
                                     QStringLiteral("fixture")).value();
    r.reference = QStringLiteral("NOR-2026-000501");
    r.status = ReferralStatus::Submitted;
    r.actions.clear();
    REQUIRE(importInto(f, r));
    const StoredReferral stored = f->referrals().load(r.reference).value();
    Referral asSubmitted = r;
    const QList<FollowUpAction> planned = plannedActions(asSubmitted, norfolk(), f->calendar());
    REQUIRE_FALSE(planned.isEmpty());
    CHECK(stored.referral.actions == planned);
    CHECK(f->queries().list(ReferralFilter{}).value().constFirst().nextDue.isValid());
}

TEST_CASE("Property: whatever check blocks at a stage, import refuses at that stage, and the reverse")
{
    StoreFixture f;
    SyntheticReferrals generator(1612);
    SyntheticReferrals::Shape shape;
    int refused = 0;
    int taken = 0;
    for (int i = 0; i < 200; ++i) {
        const Profile &p = i % 2 ? norfolk() : lincolnshire();
        shape.answeredShare = 0.5 + 0.1 * (i % 5);
        Referral r = generator.next(p, testNow().addSecs(-3600 - i * 60), shape);
        r.reference = QStringLiteral("%1-2026-%2").arg(p.referencePrefix).arg(700000 + i);
        r.status = i % 3 == 0 ? ReferralStatus::Decided : ReferralStatus::Submitted;
        const Stage stage = r.status == ReferralStatus::Submitted ? Stage::Intake : Stage::Decision;
        INFO("referral " << i << " " << r.reference.toStdString());
        const bool checkBlocks = hasBlocking(evaluate(r, p, f.clock.now(), stage))
                                 || !valueProblems(r, p, f.clock.now()).isEmpty();
        const Result<SaveReceipt> imported = importInto(f, r, p);
        INFO(imported.errorMessage().toStdString());
        CHECK(imported.ok() == !checkBlocks);
        (imported ? taken : refused) += 1;
    }
    // Both verdicts were reached: the property was tested, not assumed.
    CHECK(refused > 0);
    CHECK(taken > 0);
}
