#include <catch2/catch.hpp>

#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace FrontDoor;

namespace {
MainWindow::Context context(const QString &frontDoor, const QString &signedInAs = {})
{
    MainWindow::Context c;
    c.databasePath = QStringLiteral("/tmp/example.sqlite");
    c.profileName = frontDoor;
    c.signedInAs = signedInAs;
    return c;
}

QStringList menuTitles(QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text().remove(QLatin1Char('&'));
    return titles;
}
} // namespace

TEST_CASE("The main window shows its front door, its menus and where the data is")
{
    MainWindow window(context(QStringLiteral("Norfolk CADS"), QStringLiteral("Priya Invented (Call-handler)")));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    CHECK(window.windowTitle() == QStringLiteral("Norfolk CADS"));
    CHECK(menuTitles(window) == QStringList{QStringLiteral("File"), QStringLiteral("Referral"),
                                            QStringLiteral("View"), QStringLiteral("Help")});

    auto *text = window.findChild<QLabel *>(QStringLiteral("welcomeText"));
    REQUIRE(text);
    CHECK(text->text().contains(QStringLiteral("emergency")));
    auto *newReferral = window.findChild<QPushButton *>(QStringLiteral("newReferralButton"));
    REQUIRE(newReferral);
    CHECK_FALSE(newReferral->isVisible()); // this window's context takes no calls: none is offered
    CHECK_FALSE(newReferral->isEnabled());

    auto *database = window.findChild<QLabel *>(QStringLiteral("databaseLabel"));
    REQUIRE(database);
    CHECK(database->text().contains(QStringLiteral("/tmp/example.sqlite")));
    auto *user = window.findChild<QLabel *>(QStringLiteral("signedInLabel"));
    REQUIRE(user);
    CHECK(user->text() == QStringLiteral("Signed in: Priya Invented (Call-handler)"));
    CHECK_FALSE(window.findChild<QAction *>(QStringLiteral("accountsAction"))); // not an administrator
}

TEST_CASE("An administrator's window offers File › Accounts…, which opens their accounts view")
{
    int opened = 0;
    MainWindow::Context admin = context(QStringLiteral("Norfolk CADS"), QStringLiteral("Ada Admin (Administrator)"));
    admin.manageAccounts = [&opened] { ++opened; };
    MainWindow window(admin);
    window.show();
    auto *accounts = window.findChild<QAction *>(QStringLiteral("accountsAction"));
    REQUIRE(accounts);
    accounts->trigger();
    CHECK(opened == 1);

    // Their home says what the role is for and offers the accounts where the cursor already is.
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *text = window.findChild<QLabel *>(QStringLiteral("administratorText"));
    REQUIRE(text);
    CHECK(text->text().contains(QStringLiteral("Case records are not shown")));
    CHECK(text->text().contains(QStringLiteral("frontdoor backup")));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("accountsButton"));
    REQUIRE(button);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(button, Qt::Key_Space);
    CHECK(opened == 2);
    QTest::keyClick(button, Qt::Key_Return); // issue 18: Enter on the focused button opens it too
    CHECK(opened == 3);

    // They take no calls: Referral › Discard this call… is greyed out, as the Referral menu opens too.
    auto *discard = window.findChild<QAction *>(QStringLiteral("discardCallAction"));
    REQUIRE(discard);
    CHECK_FALSE(discard->isEnabled());
    auto *referralMenu = window.findChild<QMenu *>(QStringLiteral("referralMenu"));
    REQUIRE(referralMenu);
    QTimer::singleShot(0, referralMenu, &QMenu::close);
    referralMenu->exec(window.mapToGlobal(QPoint(10, 10)));
    CHECK_FALSE(discard->isEnabled());
}

TEST_CASE("Ctrl+Q closes the main window")
{
    MainWindow window(context(QStringLiteral("Lincolnshire CSC")));
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    REQUIRE(window.isVisible());
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    CHECK_FALSE(window.isVisible());
}

TEST_CASE("Training mode says so on every page, in the title and a banner that never goes away")
{
    MainWindow::Context training = context(QStringLiteral("Norfolk CADS"), QStringLiteral("Tamsin Trainee (Call-handler)"));
    training.training = true;
    MainWindow window(training);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("TRAINING")));
    auto *banner = window.findChild<QLabel *>(QStringLiteral("trainingBanner"));
    REQUIRE(banner);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("not real cases")));

    MainWindow live(context(QStringLiteral("Norfolk CADS"), QStringLiteral("Priya Invented (Call-handler)")));
    CHECK_FALSE(live.findChild<QLabel *>(QStringLiteral("trainingBanner")));
}

TEST_CASE("The window carries the icon and the desktop entry the package installs (issue 9)")
{
    const QIcon icon = QApplication::windowIcon();
    REQUIRE_FALSE(icon.isNull());
    CHECK(icon.availableSizes().contains(QSize(256, 256)));
    CHECK(icon.availableSizes().contains(QSize(32, 32)));
    CHECK(QGuiApplication::desktopFileName() == QStringLiteral("org.frontdoor.FrontDoor"));
}

TEST_CASE("Issue 21: when the check after start finds damage, a banner above every page says nothing more is saved",
          "[issue21]")
{
    MainWindow window(context(QStringLiteral("Norfolk CADS"), QStringLiteral("Priya Invented (Call-handler)")));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QLabel *>(QStringLiteral("storeRefusalBanner"));
    REQUIRE(banner);
    CHECK_FALSE(banner->isVisible());
    QString boxText;
    QString boxDetails;
    QTimer::singleShot(0, [&boxText, &boxDetails] { // the message once, then back to the window
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        boxText = box->text();
        boxDetails = box->detailedText();
        QTest::keyClick(box, Qt::Key_Return);
    });
    const QString message = QStringLiteral("/tmp/live.sqlite is damaged: SQLite's check says \"page 7: btreeInitPage() "
                                           "returns error code 11\".");
    window.showStoreRefusal(message);
    CHECK(boxText.contains(QStringLiteral("stopped saving"))); // plain words for the person on the phone
    CHECK(boxText.contains(QStringLiteral("Tell IT now")));
    CHECK(boxDetails == message); // SQLite's words for IT
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("NOTHING MORE CAN BE SAVED")));
    CHECK(banner->text().contains(QStringLiteral("btreeInitPage")));
    CHECK(banner->accessibleDescription().contains(QStringLiteral("stopped saving"))); // a screen reader reads why
}
