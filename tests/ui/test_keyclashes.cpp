// Issue 18: no keystroke may land where the person did not mean it. Each window and dialog a supervisor meets —
// built by the launcher's own wiring (WindowContext) over a real database — is walked as it is shown, and every key
// claimed twice is named: Alt+R once opened the Referral menu from the review, and the next "n" started a live call.

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "storefixture.h"
#include "support/dialogkeys.h"
#include "support/keyclashes.h"
#include "support/referralbuilder.h"

#include "mainwindow.h"
#include "profile/profileshelf.h"
#include "referral/fields.h"
#include "review/outputdialog.h"
#include "review/reviewpage.h"
#include "session/accountsdialog.h"
#include "session/newpassworddialog.h"
#include "session/windowcontext.h"

#include <QApplication>
#include <QComboBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

void requireNoClash(QWidget &window, const char *where)
{
    const QStringList clashes = keyClashes(window);
    INFO(where << ":\n  " << clashes.join(QStringLiteral("\n  ")).toStdString());
    CHECK(clashes.isEmpty());
}

} // namespace

TEST_CASE("Every window and dialog a supervisor meets claims each key once, never one of the menu bar's", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    submittedWithTwoChildren(f);
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, sam, {f.path, false, 5}));
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    requireNoClash(window, "home");

    QTest::keyClick(&window, Qt::Key_F4);
    requireNoClash(window, "queue");
    ReviewPage *review = openFirstFromQueue(window);
    auto *tabs = review->findChild<QTabWidget *>();
    REQUIRE(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        requireNoClash(window, qPrintable(QStringLiteral("review, tab %1").arg(tabs->tabText(i))));
    }

    OutputDialog &output = openedBy<OutputDialog>(*review, Qt::Key_P, Qt::ControlModifier);
    requireNoClash(output, "print or export");
    output.close();

    QTest::keyClick(&window, Qt::Key_F3); // the dashboard
    requireNoClash(window, "dashboard");

    AccountsDialog accounts(f->accounts(), Actor{QStringLiteral("root"), Role::Administrator});
    accounts.show();
    REQUIRE(QTest::qWaitForWindowExposed(&accounts));
    requireNoClash(accounts, "accounts");
    NewPasswordDialog reset(QStringLiteral("sam"));
    reset.show();
    REQUIRE(QTest::qWaitForWindowExposed(&reset));
    requireNoClash(reset, "new password");
}

TEST_CASE("The call-handler's window claims each key once: home, a new call, the lock screen", "[issue18]")
{
    StoreFixture f;
    withSupervisorSam(f);
    REQUIRE(f->accounts().create(Actor{QStringLiteral("root"), Role::Administrator}, QStringLiteral("priya"),
                                 QStringLiteral("Priya Invented"), Role::CallHandler, password));
    const Account priya = f->accounts().find(QStringLiteral("priya")).value();
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, priya, {f.path, false, 5}));
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    requireNoClash(window, "home");
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return window.findChild<QWidget *>(QStringLiteral("referralEditor")) != nullptr; }));
    requireNoClash(window, "a new call");
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    requireNoClash(window, "locked");
}
