// Issue 18: Tab follows the order a person reads each window in (the accounts dialog once showed Role above
// Password but reached it after). Each window and dialog is walked by Tab, as shown, and every step that goes back
// against the widgets' positions is named (support/focusorder.h).

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "support/dialogkeys.h"
#include "support/focusorder.h"

#include "review/outputdialog.h"
#include "session/accountsdialog.h"
#include "session/firstrundialog.h"
#include "session/newpassworddialog.h"
#include "session/signindialog.h"

#include <QTabWidget>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

void requireReadingOrder(QWidget &window, const char *where)
{
    const QStringList problems = focusOrderProblems(window);
    INFO(where << ":\n  " << problems.join(QStringLiteral("\n  ")).toStdString());
    CHECK(problems.isEmpty());
}

template<typename Dialog>
void requireDialogInOrder(Dialog &dialog, const char *where)
{
    dialog.show();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    requireReadingOrder(dialog, where);
}

} // namespace

TEST_CASE("Tab follows the reading order in every window a supervisor meets", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    submittedWithTwoChildren(f);
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;
    requireReadingOrder(window, "home");
    QTest::keyClick(&window, Qt::Key_F4);
    requireReadingOrder(window, "queue");
    ReviewPage *review = openFirstFromQueue(window);
    auto *tabs = review->findChild<QTabWidget *>();
    REQUIRE(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        tabs->setFocus();
        requireReadingOrder(window, qPrintable(QStringLiteral("review, tab %1").arg(tabs->tabText(i))));
    }
    OutputDialog &output = openedBy<OutputDialog>(*review, Qt::Key_P, Qt::ControlModifier);
    REQUIRE(QTest::qWaitForWindowActive(&output));
    requireReadingOrder(output, "print or export");
    output.close();
}

TEST_CASE("Tab follows the reading order in the sign-in, first-run and account dialogs", "[issue18]")
{
    StoreFixture f;
    withSupervisorSam(f);
    SignInDialog signIn(f->accounts(), QStringLiteral("Norfolk CADS"));
    requireDialogInOrder(signIn, "sign in");
    signIn.close();
    AccountsDialog accounts(f->accounts(), Actor{QStringLiteral("root"), Role::Administrator});
    requireDialogInOrder(accounts, "accounts");
    accounts.close();
    NewPasswordDialog reset(QStringLiteral("sam"));
    requireDialogInOrder(reset, "new password");
    reset.close();

    StoreFixture empty;
    FirstRunDialog firstRun(empty->accounts());
    requireDialogInOrder(firstRun, "first run");
}

TEST_CASE("Tab follows the reading order in a call-handler's window: home, a new call, the lock screen", "[issue18]")
{
    StoreFixture f;
    withSupervisorSam(f);
    REQUIRE(f->accounts().create(Actor{QStringLiteral("root"), Role::Administrator},
                                 QStringLiteral("priya"),
                                 QStringLiteral("Priya Invented"),
                                 Role::CallHandler,
                                 password));
    ShownWindow shown(f, f->accounts().find(QStringLiteral("priya")).value());
    MainWindow &window = shown.window;
    requireReadingOrder(window, "home");
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return window.findChild<QWidget *>(QStringLiteral("referralEditor")) != nullptr; }));
    requireReadingOrder(window, "a new call, first section");
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    requireReadingOrder(window, "locked");
}
