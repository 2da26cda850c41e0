// Issue 15: every time a person reads is UK time, whatever zone the workstation is set to. CTest runs these cases a
// second time with TZ=America/New_York ("ui: … on a New York workstation"), where the machine's local time is five
// hours behind the UK's in November.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "common/uktime.h"
#include "editor/referraleditor.h"
#include "referral/fields.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// Under the New York run, prove the zone really is in force: the machine's own reading of the fixed test time.
void checkZoneInForce()
{
    if (qgetenv("TZ") == "America/New_York")
        REQUIRE(testNow().toLocalTime().time().hour() == 5); // 10:30 UTC = 05:30 EST
}

} // namespace

TEST_CASE("UkTime reads GMT in winter and BST in summer, whatever the machine's zone", "[uktime]")
{
    checkZoneInForce();
    CHECK(UkTime::text(QDateTime(QDate(2026, 11, 24), QTime(10, 30), Qt::UTC), QStringLiteral("HH:mm"))
          == QStringLiteral("10:30"));
    CHECK(UkTime::text(QDateTime(QDate(2026, 7, 1), QTime(12, 0), Qt::UTC), QStringLiteral("HH:mm"))
          == QStringLiteral("13:00"));
    CHECK(UkTime::text(QDateTime(), QStringLiteral("HH:mm")).isEmpty());
}

TEST_CASE("The save state and the submit summary's due times are UK times on any workstation", "[uktime]")
{
    checkZoneInForce();
    StoreFixture f; // its clock stands at testNow(): Tuesday 24 November 2026, 10:30 UTC (= UK time in winter)
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor editor(f->referrals(), norfolk(), draft, handler, f.clock);
    editor.resize(1366, 768);
    editor.show();
    REQUIRE(QTest::qWaitForWindowActive(&editor));

    REQUIRE(editor.jumpTo(Field::agreedActions.toString()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("CADS will ring back"));
    QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier); // saves, then the summary
    auto *saved = editor.findChild<QLabel *>(QStringLiteral("saveState"));
    REQUIRE(saved);
    INFO("save state: " << saved->text().toStdString());
    CHECK(saved->text().contains(QStringLiteral("10:30")));
    CHECK_FALSE(saved->text().contains(QStringLiteral("05:30")));

    auto *bar = editor.findChild<QLabel *>(QStringLiteral("submitBar"));
    REQUIRE(bar);
    INFO("summary: " << bar->text().toStdString());
    REQUIRE(bar->text().contains(QStringLiteral("Ready to submit")));
    // NOR-T4: by the end of the next working day, Wednesday 25 November 23:59 UK time (18:59 in New York).
    CHECK(bar->text().contains(QStringLiteral("Wed 25 Nov 23:59")));
    CHECK_FALSE(bar->text().contains(QStringLiteral("18:59")));
}
