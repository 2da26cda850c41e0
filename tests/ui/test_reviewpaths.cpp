// Issue 18: the review as a supervisor meets it — nothing entered lost on leaving, signing out for the next
// person, and a layout that fits 1366×768.

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "access/passwordhasher.h"
#include "mainwindow.h"
#include "editor/sectionpage.h"
#include "profile/profileshelf.h"
#include "session/windowcontext.h"
#include "queue/queueview.h"
#include "referral/fields.h"
#include "review/historytext.h"
#include "review/reviewpage.h"
#include "store/accounts.h"
#include "store/audittrail.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTabWidget>
#include <QScrollBar>
#include <QScrollArea>
#include <QTimer>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("Work entered on the review is never thrown away: leaving asks to record it or stay", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    const QString reference = submittedWithTwoChildren(f);
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, sam, {f.path, false, 5}));
    QStringList asked;
    bool recordNow = false;
    window.setAskBeforeLeaving([&](const QStringList &unrecorded) {
        asked = unrecorded;
        return recordNow;
    });
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    ReviewPage *review = openFirstFromQueue(window);

    // An outcome chosen and a rationale typed — then F4, as if to look something up in the queue.
    auto *outcome = review->findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);
    auto *why = review->findChild<QPlainTextEdit *>(QStringLiteral("outcomeRationale_c1"));
    why->setFocus();
    QTest::keyClicks(why, QStringLiteral("Invented reasons for the assessment"));
    QTest::keyClick(&window, Qt::Key_F4);
    REQUIRE(asked.size() == 1);
    CHECK(asked.constFirst().startsWith(QStringLiteral("the decision")));
    CHECK(window.findChild<ReviewPage *>() == review); // stayed
    CHECK(review->isVisible());
    CHECK(why->toPlainText() == QStringLiteral("Invented reasons for the assessment"));
    CHECK(f->referrals().load(reference)->referral.outcomes.isEmpty());

    // Closing the window asks the same; this time the person records it, and the window may close.
    asked.clear();
    recordNow = true;
    CHECK(window.close());
    CHECK(asked.size() == 1);
    const Referral stored = f->referrals().load(reference)->referral;
    REQUIRE(stored.outcomes.size() == 1);
    CHECK(stored.outcomes.constFirst().rationale == QStringLiteral("Invented reasons for the assessment"));
    CHECK(stored.status == ReferralStatus::Submitted); // recorded, not signed
}

TEST_CASE("Sign out from the lock screen: someone else is at the desk, and the review's entries are kept unsigned",
          "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    const QString reference = submittedWithTwoChildren(f);
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;
    ReviewPage *review = openFirstFromQueue(window);
    auto *outcome = review->findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    QTest::keyClick(window.windowHandle(), Qt::Key_S, Qt::AltModifier); // "Sign out — someone else will sign in"
    REQUIRE(QTest::qWaitFor([&] { return !window.isVisible(); }));
    CHECK(window.signedOut());
    const Referral stored = f->referrals().load(reference)->referral;
    CHECK(stored.outcomes.size() == 1); // kept, recorded under the supervisor, not signed
    CHECK(stored.status == ReferralStatus::Submitted);
}

TEST_CASE("File › Sign out closes the window for the next person", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, sam, {f.path, false, 5}));
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto *signOut = window.findChild<QAction *>(QStringLiteral("signOutAction"));
    REQUIRE(signOut);
    signOut->trigger();
    CHECK_FALSE(window.isVisible());
    CHECK(window.signedOut());
}

TEST_CASE("The review fits 1366×768: nothing sideways, the decision's questions before the button that records them",
          "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    submittedWithTwoChildren(f);
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;
    ReviewPage *review = openFirstFromQueue(window);
    QTest::qWait(50); // laid out
    auto *tabs = review->findChild<QTabWidget *>();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QList<QScrollArea *> areas = tabs->widget(i)->findChildren<QScrollArea *>();
        areas.append(qobject_cast<QScrollArea *>(tabs->widget(i)));
        for (QScrollArea *area : std::as_const(areas))
            if (area && area->isVisible()) {
                INFO("tab " << tabs->tabText(i).toStdString());
                CHECK_FALSE(area->horizontalScrollBar()->isVisible());
                CHECK(area->widget()->minimumSizeHint().width() <= area->viewport()->width());
            }
    }
    tabs->setCurrentIndex(0);
    auto *record = review->findChild<QPushButton *>(QStringLiteral("recordDecision"));
    auto *decisionPage = review->findChild<SectionPage *>();
    REQUIRE(record);
    REQUIRE(decisionPage);
    const QWidget *common = record->window();
    CHECK(decisionPage->mapTo(common, QPoint(0, 0)).y() < record->mapTo(common, QPoint(0, 0)).y());
    // The header is compact: no chip of it taller than three lines.
    for (const char *chip : {"callerTypeLabel", "hoursLabel", "saveState", "callTimer"}) {
        auto *label = review->findChild<QLabel *>(QString::fromLatin1(chip));
        REQUIRE(label);
        INFO(chip << ": " << label->text().toStdString());
        CHECK(label->height() <= 3 * label->fontMetrics().lineSpacing() + 16);
    }
}

TEST_CASE("The window closed while locked keeps the review's entries, recorded unsigned", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    const QString reference = submittedWithTwoChildren(f);
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;
    ReviewPage *review = openFirstFromQueue(window);
    auto *outcome = review->findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    CHECK(window.close()); // the window manager's close, or the session ending
    CHECK(f->referrals().load(reference)->referral.outcomes.size() == 1);
    CHECK_FALSE(window.signedOut());
}

TEST_CASE("NOR-D2: Ctrl+Enter records the outcomes on screen and signs them, in one flow", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    const QString reference = submittedWithTwoChildren(f);
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;
    ReviewPage *review = openFirstFromQueue(window);
    for (const QString &child : {QStringLiteral("c1"), QStringLiteral("c2")}) {
        auto *outcome = review->findChild<QComboBox *>(QStringLiteral("outcome_") + child);
        REQUIRE(outcome);
        outcome->setFocus();
        QTest::keyClick(outcome, Qt::Key_Down); // the first outcome
        QTest::keyClick(outcome, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Invented reasons for this child."));
    }
    // "Record the decision" is never pressed: Ctrl+Enter records what is on screen, then asks for the password.
    REQUIRE(f->referrals().load(reference)->referral.outcomes.isEmpty());
    answerDialogWhenAsked(password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    const StoredReferral stored = f->referrals().load(reference).value();
    INFO(review->findChild<QLabel *>(QStringLiteral("reviewBar"))->text().toStdString());
    CHECK(stored.referral.status == ReferralStatus::Decided);
    REQUIRE(stored.referral.outcomes.size() == 2);
    CHECK(stored.referral.outcomeFor(QStringLiteral("c2"))->rationale
          == QStringLiteral("Invented reasons for this child."));
    CHECK(review->unrecorded().isEmpty());
}
