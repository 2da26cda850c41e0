// Issue 16: LIN-T5 counts from the receipt of the written referral, once it is recorded, not from the call.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "calendar/followupplanner.h"
#include "common/uktime.h"
#include "referral/referraljson.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QDateTime ukTime(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), UkTime::zone()).toUTC();
}

const FollowUpAction *actionOf(const Referral &referral, const QString &kind)
{
    for (const FollowUpAction &action : referral.actions)
        if (action.kind == kind)
            return &action;
    return nullptr;
}

} // namespace

TEST_CASE("LIN-T5: acknowledgement and feedback are due one working day from the written referral's receipt")
{
    StoreFixture f;
    f.clock.set(ukTime(2026, 11, 27, 17, 0)); // a professional rings on Friday at 17:00
    Referral call = ReferralJson::parse(readText(sourceDir() + QStringLiteral("/scenarios/fixtures/lin-professional-no-consent.json")).toUtf8(),
                                        QStringLiteral("fixture")).value();
    StoredReferral draft = f->referrals().createDraft(lincolnshire(), handler).value();
    call.reference = draft.referral.reference;
    call.handler = draft.referral.handler;
    call.callStartedAt = draft.referral.callStartedAt;
    call.status = ReferralStatus::Draft;
    call.actions.clear();
    const qint64 saved = f->referrals().save(call, draft.revision, handler)->revision;
    REQUIRE(f->referrals().submit(call.reference, saved, handler, lincolnshire()));
    StoredReferral submitted = f->referrals().load(call.reference).value();
    REQUIRE(actionOf(submitted.referral, QStringLiteral("writtenConfirmation")));
    REQUIRE(actionOf(submitted.referral, QStringLiteral("acknowledgement")));
    // Before the written referral arrives, counted from the call: the end of Monday 30th.
    CHECK(actionOf(submitted.referral, QStringLiteral("acknowledgement"))->due == ukTime(2026, 11, 30, 23, 59).addSecs(59).addMSecs(999));

    // The TAC form arrives on Tuesday 1 December at 10:00 and the supervisor records it.
    f.clock.set(ukTime(2026, 12, 1, 10, 0));
    Referral received = submitted.referral;
    REQUIRE(markActionDone(received, QStringLiteral("act-writtenConfirmation"), QStringLiteral("TAC form received"),
                           supervisor.userId, f.clock.now()));
    REQUIRE(f->referrals().recordReview(received, submitted.revision, supervisor, QStringLiteral("follow-up action done"),
                                        lincolnshire()));
    const StoredReferral after = f->referrals().load(call.reference).value();
    const QDateTime endOfWednesday = ukTime(2026, 12, 2, 23, 59).addSecs(59).addMSecs(999);
    CHECK(actionOf(after.referral, QStringLiteral("acknowledgement"))->due == endOfWednesday);
    CHECK(actionOf(after.referral, QStringLiteral("feedback"))->due == endOfWednesday);
    CHECK(actionOf(after.referral, QStringLiteral("decision"))->due == submitted.referral.actions.constFirst().due); // LIN-T3 still from the call
}

TEST_CASE("NOR-R4: submission refuses a linked reference of this front door that this database does not hold")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.setAnswer(QStringLiteral("special.harmByChild"), Answer::given(QStringLiteral("yes")));
    r.setAnswer(QStringLiteral("special.otherChildReferral"), Answer::given(QStringLiteral("NOR-2026-000999")));
    qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
    const Result<SaveReceipt> refused = f->referrals().submit(r.reference, revision, handler, norfolk());
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("no such referral")));

    const StoredReferral other = f->referrals().createDraft(norfolk(), handler).value();
    r.setAnswer(QStringLiteral("special.otherChildReferral"), Answer::given(other.referral.reference));
    revision = f->referrals().save(r, revision, handler)->revision;
    CHECK(f->referrals().submit(r.reference, revision, handler, norfolk()));
}
