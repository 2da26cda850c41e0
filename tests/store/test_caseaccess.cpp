// Who may do what to a case, whatever the window shows, and what deciding leaves in the record: the operation × role
// table applied to every store call, a decision signed by the person's password moments before (NOR-D2), and a
// supervisor's review kept as decision records, never as amendments of the call (NOR-L1, NOR-O1).

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "access/permissions.h"
#include "referral/fields.h"
#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/auditverifier.h"

#include <QJsonArray>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("The store applies the operation × role table to every case call, whatever the UI shows")
{
    // Each row: a store call, the operation it needs, run by each role on a case that is theirs or not.
    StoreFixture f;
    const Role roles[] = {Role::CallHandler, Role::Supervisor, Role::Administrator};
    const Actor starter{QStringLiteral("u-starter"), Role::CallHandler};
    Accounts accounts(f->database(), f.clock, PasswordHasher::Cost{1, 8 * 1024 * 1024});
    const QString password = QStringLiteral("kettle on the windowsill");
    const Actor root{accounts.createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root"), password)->id,
                     Role::Administrator};
    for (const Role role : roles) {
        const Actor me{QStringLiteral("u-me-") + roleName(role).toLower(), role};
        REQUIRE(accounts.create(root, me.userId, QStringLiteral("Me"), role, password));
        const Actor meAsSupervisor{me.userId, Role::Supervisor}; // to give an administrator a case of "their own"
        INFO("role " << roleName(role).toStdString());

        const Result<StoredReferral> created = f->referrals().createDraft(norfolk(), me);
        CHECK(bool(created) == isAllowed(role, Operation::CreateReferral));
        if (!created)
            CHECK(created.error().code == ErrorCode::PermissionDenied);

        StoredReferral mine = f->referrals().createDraft(norfolk(), meAsSupervisor).value();
        StoredReferral theirs = f->referrals().createDraft(norfolk(), starter).value();

        const auto denied = [](const auto &result) {
            return !result && result.error().code == ErrorCode::PermissionDenied;
        };
        CHECK(!denied(f->referrals().open(mine.referral.reference, me)) == isAllowed(role, Operation::ViewOwnReferral));
        CHECK(!denied(f->referrals().open(theirs.referral.reference, me))
              == isAllowed(role, Operation::ViewAnyReferral));

        Referral editedMine = mine.referral;
        editedMine.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Teacher")));
        CHECK(!denied(f->referrals().save(editedMine, mine.revision, me)) == isAllowed(role, Operation::EditOwnDraft));
        Referral editedTheirs = theirs.referral;
        editedTheirs.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Teacher")));
        CHECK(!denied(f->referrals().save(editedTheirs, theirs.revision, me))
              == isAllowed(role, Operation::EditAnyDraft));

        mine = f->referrals().load(mine.referral.reference).value();
        CHECK(!denied(f->referrals().submit(mine.referral.reference, mine.revision, me, norfolk()))
              == isAllowed(role, Operation::SubmitOwnReferral));

        theirs = f->referrals().load(theirs.referral.reference).value();
        REQUIRE(f->referrals().submit(theirs.referral.reference, theirs.revision, starter, norfolk()));
        theirs = f->referrals().load(theirs.referral.reference).value();
        Referral amended = theirs.referral;
        amended.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Head teacher")));
        CHECK(!denied(f->referrals().save(amended, theirs.revision, me, QStringLiteral("corrected")))
              == isAllowed(role, Operation::AmendSubmitted));
        theirs = f->referrals().load(theirs.referral.reference).value();
        CHECK(!denied(f->referrals().changeStatus(theirs.referral.reference,
                                                  theirs.revision,
                                                  me,
                                                  ReferralStatus::Decided,
                                                  norfolk(),
                                                  accounts.sign(me, password).value()))
              == isAllowed(role, Operation::SignDecision));
        CHECK(!denied(f->referrals().recordAccess(theirs.referral.reference, me, AuditKind::Exported))
              == isAllowed(role, Operation::ExportOrPrint));
    }
}

TEST_CASE("Recording a decision is signing it: the password again, moments before, by the same person (NOR-D2)")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, PasswordHasher::Cost{1, 8 * 1024 * 1024});
    const QString password = QStringLiteral("kettle on the windowsill");
    const Actor root{accounts.createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root"), password)->id,
                     Role::Administrator};
    const Actor sup{
        accounts.create(root, QStringLiteral("sam"), QStringLiteral("Sam Supervisor"), Role::Supervisor, password)->id,
        Role::Supervisor};
    const Actor other{
        accounts.create(root, QStringLiteral("tia"), QStringLiteral("Tia Supervisor"), Role::Supervisor, password)->id,
        Role::Supervisor};

    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->referrals().submit(d.referral.reference, d.revision, handler, norfolk()));
    StoredReferral submitted = f->referrals().load(d.referral.reference).value();
    Referral withOutcome = submitted.referral; // NOR-O1: an outcome per child before the decision
    withOutcome.outcomes.append(ChildOutcome{QStringLiteral("c1"),
                                             QStringLiteral("socialWorkAssessment"),
                                             QStringLiteral("Invented rationale"),
                                             {},
                                             sup.userId,
                                             f.clock.now()});
    submitted.revision = f->referrals().save(withOutcome, submitted.revision, sup, QStringLiteral("outcome"))->revision;
    const auto decide = [&](const std::optional<Signature> &signature) {
        return f->referrals().changeStatus(
            submitted.referral.reference, submitted.revision, sup, ReferralStatus::Decided, norfolk(), signature);
    };

    Result<SaveReceipt> unsigned_ = decide(std::nullopt);
    REQUIRE_FALSE(unsigned_);
    CHECK(unsigned_.errorMessage().contains(QStringLiteral("password again")));
    CHECK_FALSE(accounts.sign(sup, QStringLiteral("not my password")));
    CHECK_FALSE(decide(accounts.sign(other, password).value())); // someone else's signature
    const Signature stale = accounts.sign(sup, password).value();
    f.clock.advance(Signature::validMsecs + 1);
    CHECK_FALSE(decide(stale));

    Result<SaveReceipt> decided = decide(accounts.sign(sup, password).value());
    INFO(decided.errorMessage().toStdString());
    REQUIRE(decided);
    CHECK(f->referrals().load(d.referral.reference)->referral.status == ReferralStatus::Decided);
    const QList<AuditEvent> events = AuditTrail::forReferral(f->database(), d.referral.reference).value();
    REQUIRE(events.size() >= 2);
    CHECK(events.at(events.size() - 2).kind == QStringLiteral("signed"));
    CHECK(events.at(events.size() - 2).user == sup.userId);
    CHECK(events.last().kind == QStringLiteral("statusChanged"));
}

TEST_CASE(
    "NOR-L1 NOR-O1: a supervisor's review records are decision records in the trail, never amendments of the call")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
    r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Dr Invented Caller")));
    qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;

    // Not while the call is being taken.
    Referral early = r;
    early.setAnswer(Field::decisionPriority, Answer::given(QStringLiteral("amber")));
    const Result<SaveReceipt> tooEarly
        = f->referrals().recordReview(early, revision, supervisor, QStringLiteral("priority"), norfolk());
    REQUIRE_FALSE(tooEarly);
    CHECK(tooEarly.errorMessage().contains(QStringLiteral("still being taken")));

    revision = f->referrals().submit(r.reference, revision, handler, norfolk())->revision;
    r = f->referrals().load(r.reference)->referral;

    Referral next = r;
    next.setAnswer(Field::decisionPriority, Answer::given(QStringLiteral("amber")));
    next.setAnswer(Field::policeConsulted, Answer::given(QStringLiteral("yes"))); // a decision-stage question
    next.conversations.append(Conversation{QStringLiteral("d1"),
                                           testNow(),
                                           QStringLiteral("police"),
                                           {},
                                           {},
                                           QStringLiteral("Strategy discussion held"),
                                           {},
                                           {}});
    // A call-handler does not record decisions.
    CHECK_FALSE(f->referrals().recordReview(next, revision, handler, QStringLiteral("discussion recorded"), norfolk()));
    const Result<SaveReceipt> recorded = f->referrals().recordReview(
        next, revision, supervisor, QStringLiteral("discussion recorded (NOR-L1)"), norfolk());
    REQUIRE(recorded);
    CHECK(recorded->auditEvents == 3);

    // What the caller said is not the review's to change: refused whole, nothing written.
    Referral rewritten = f->referrals().load(r.reference)->referral;
    rewritten.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Someone Else")));
    rewritten.setAnswer(Field::decisionPriorityRationale, Answer::given(QStringLiteral("why")));
    const Result<SaveReceipt> refused
        = f->referrals().recordReview(rewritten, recorded->revision, supervisor, QStringLiteral("priority"), norfolk());
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("referrer.name")));
    CHECK(f->referrals().load(r.reference)->revision == recorded->revision);
    CHECK(f->referrals().load(r.reference)->referral.answer(Field::referrerName).value()
          == QStringLiteral("Dr Invented Caller"));

    int decisionRecords = 0;
    const QList<AuditEvent> events = AuditTrail::forReferral(f->database(), r.reference).value();
    for (const AuditEvent &event : events) {
        CHECK(event.kind != auditKindName(AuditKind::Amended));
        if (event.kind == auditKindName(AuditKind::DecisionRecorded)) {
            ++decisionRecords;
            CHECK(event.user == supervisor.userId);
            CHECK(event.payload.value(QStringLiteral("what")).toString()
                  == QStringLiteral("discussion recorded (NOR-L1)"));
        }
    }
    CHECK(decisionRecords == 3);
    CHECK(AuditVerifier::verify(f->database())->intact());
}
