// Issue 6: nothing typed is lost. Saves follow the last keystroke within half a second; a failing disk keeps the
// referral in memory, says so, and the save goes through once the fault clears.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "editor/autosaver.h"
#include "referral/fields.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("Typing is saved half a second after the last keystroke, as one save")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    AutoSaver saver(f->referrals(), draft, handler);
    QSignalSpy saved(&saver, &AutoSaver::saved);

    Referral referral = draft.referral;
    const QString text = QStringLiteral("Priya Invented");
    for (qsizetype n = 1; n <= text.size(); ++n) {
        referral.setAnswer(Field::referrerName, Answer::given(text.left(n)));
        saver.edit(referral);
        QTest::qWait(20); // a typist's pace, faster than the debounce
    }
    CHECK(saved.isEmpty());
    CHECK(saver.hasUnsavedChanges());
    REQUIRE(saved.wait(2000));
    CHECK(saved.size() == 1);
    CHECK_FALSE(saver.hasUnsavedChanges());
    CHECK(f->referrals().load(draft.referral.reference)->referral.answer(Field::referrerName).value() == text);
}

TEST_CASE("A save that fails keeps everything, says NOT SAVED, and retries until the disk has room")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    AutoSaver saver(f->referrals(), draft, handler);
    QSignalSpy saved(&saver, &AutoSaver::saved);
    QSignalSpy failed(&saver, &AutoSaver::saveFailed);

    f.fillTheDisk();

    Referral referral = draft.referral;
    referral.setAnswer(u"concern.nature", Answer::given(QString(200'000, u'w')));
    saver.edit(referral);
    CHECK_FALSE(saver.flushNow());
    REQUIRE(failed.size() >= 1);
    CHECK(failed.last().at(0).toString().contains(QStringLiteral("disk is full")));
    CHECK(failed.last().at(0).toString().contains(QStringLiteral("stays on screen")));
    CHECK(saver.hasUnsavedChanges());
    CHECK(saver.referral() == referral); // still all there

    f.diskHasSpaceAgain();
    REQUIRE(saved.wait(AutoSaver::retryMsecs + 2000)); // the retry timer, not the user, saves it
    CHECK_FALSE(saver.hasUnsavedChanges());
    CHECK(f->referrals().load(draft.referral.reference)->referral == referral);
}
