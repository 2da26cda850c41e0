// The bar above the form (EditorHeader): the number to give now (NOR-R1, LIN-R2), whether a record's call came in
// out of hours, and the call's length — a running clock only while the call is in progress.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "editor/editorheader.h"
#include "editor/referraleditor.h"

#include <QLabel>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("NOR-R1 LIN-R2: the bar gives the number to give now, and says OUT OF HOURS on a bank holiday at the CSC")
{
    StoreFixture f;
    f.clock.set(QDateTime(QDate(2026, 12, 25), QTime(10, 0), Qt::UTC)); // Christmas Day, a Friday
    StoredReferral lin = f->referrals().createDraft(lincolnshire(), handler).value();
    ReferralEditor csc(f->referrals(), lincolnshire(), lin, handler, f.clock);
    auto *hours = csc.findChild<QLabel *>(QStringLiteral("hoursLabel"));
    REQUIRE(hours);
    CHECK(hours->text().contains(QStringLiteral("OUT OF HOURS")));
    CHECK(hours->text().contains(lincolnshire().contact(QStringLiteral("outOfHours"))->number));
    CHECK(hours->property("kind").toString() == QStringLiteral("outOfHours")); // marked in colour and in words

    StoredReferral nor = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor cads(f->referrals(), norfolk(), nor, handler, f.clock);
    auto *open = cads.findChild<QLabel *>(QStringLiteral("hoursLabel"));
    CHECK(open->text().startsWith(QStringLiteral("In hours")));
    CHECK(open->text().contains(norfolk().contact(QStringLiteral("frontDoor"))->number));

    f.clock.set(QDateTime(QDate(2026, 12, 25), QTime(20, 30), Qt::UTC));
    cads.findChild<EditorHeader *>()->tick(); // what its one-second timer does
    CHECK(open->text().contains(QStringLiteral("OUT OF HOURS")));
    CHECK(open->text().contains(norfolk().contact(QStringLiteral("outOfHours"))->number));
}

TEST_CASE("NOR-R1: a saved record's in-hours box describes when its call came in, and only a call in progress follows the clock")
{
    StoreFixture f;
    f.clock.set(QDateTime(QDate(2026, 11, 28), QTime(21, 15), Qt::UTC)); // Saturday night: CADS is closed
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->referrals().submit(draft.referral.reference, draft.revision, handler, norfolk()));
    f.clock.set(QDateTime(QDate(2026, 12, 1), QTime(10, 30), Qt::UTC)); // read on Tuesday morning, in hours
    const StoredReferral submitted = f->referrals().load(draft.referral.reference).value();
    ReferralEditor record(f->referrals(), norfolk(), submitted, supervisor, f.clock);
    auto *hours = record.findChild<QLabel *>(QStringLiteral("hoursLabel"));
    REQUIRE(hours);
    INFO(hours->text().toStdString());
    CHECK(hours->text().contains(QStringLiteral("OUT OF HOURS · Sat 28 Nov 21:15")));
    CHECK(hours->property("kind").toString() == QStringLiteral("outOfHours"));

    StoredReferral inProgress = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor call(f->referrals(), norfolk(), inProgress, handler, f.clock);
    CHECK(call.findChild<QLabel *>(QStringLiteral("hoursLabel"))->text().startsWith(QStringLiteral("In hours")));
}

TEST_CASE("A submitted call shows how long it lasted, and one with no recorded end (imported) shows no running clock")
{
    StoreFixture f;
    StoredReferral stored = f->referrals().createDraft(norfolk(), handler).value();
    stored.referral.status = ReferralStatus::Submitted;
    stored.referral.callEndedAt = stored.referral.callStartedAt.addSecs(12 * 60 + 5);
    {
        ReferralEditor ended(f->referrals(), norfolk(), stored, handler, f.clock);
        CHECK(ended.findChild<QLabel *>(QStringLiteral("callTimer"))->text() == QStringLiteral("Call lasted 12:05"));
    }
    {
        StoredReferral decided = stored;
        decided.referral.status = ReferralStatus::Decided;
        ReferralEditor record(f->referrals(), norfolk(), decided, handler, f.clock);
        bool saysDecided = false;
        for (const QLabel *label : record.findChild<EditorHeader *>()->findChildren<QLabel *>())
            saysDecided = saysDecided || label->text() == QStringLiteral("Decided — a record");
        CHECK(saysDecided);
    }
    stored.referral.callEndedAt = {};
    ReferralEditor unknownEnd(f->referrals(), norfolk(), stored, handler, f.clock);
    f.clock.set(f.clock.now().addDays(3)); // days later, still no running clock
    QTest::qWait(1100);
    CHECK(unknownEnd.findChild<QLabel *>(QStringLiteral("callTimer"))->text() == QStringLiteral("Call length not recorded"));
}
