// Issue 5, privacy on screen: the idle lock (injected clock) and the privacy-screen key hide all case content and
// ask for the password; nothing is lost.

#include <catch2/catch.hpp>

#include "mainwindow.h"
#include "session/idlelock.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTest>

using namespace FrontDoor;

namespace {

struct LockRig
{
    FixedClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};
    QStringList events;
    std::unique_ptr<MainWindow> window;

    LockRig()
    {
        MainWindow::Context c;
        c.databasePath = QStringLiteral("/tmp/example.sqlite");
        c.profileName = QStringLiteral("Norfolk CADS");
        c.signedInAs = QStringLiteral("Priya Invented (Call-handler)");
        c.confirmPassword = [](const QString &password) -> Status {
            if (password == QLatin1String("blue heron over the fen"))
                return {};
            return makeError(ErrorCode::PermissionDenied, QStringLiteral("That password is not right."));
        };
        c.lockChanged = [this](bool locked, const QString &why) { events.append(locked ? QStringLiteral("locked:") + why : QStringLiteral("unlocked")); };
        c.clock = &clock;
        c.idleMinutes = 5;
        window = std::make_unique<MainWindow>(c);
        window->show();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }

    bool contentVisible() const
    {
        auto *welcome = window->findChild<QLabel *>(QStringLiteral("welcomeText"));
        return welcome && welcome->isVisible();
    }
    QLineEdit *password() const { return window->findChild<QLineEdit *>(QStringLiteral("lockPassword")); }
};

} // namespace

TEST_CASE("After five idle minutes the window locks, hiding case content, and unlocks only with the password")
{
    LockRig rig;
    rig.clock.advance(4 * 60 * 1000 + 59 * 1000);
    rig.window->idleLock()->checkNow();
    CHECK_FALSE(rig.window->isLocked());
    CHECK(rig.contentVisible());

    QTest::keyClick(rig.window.get(), Qt::Key_Shift); // someone touches the keyboard: the count starts again
    rig.clock.advance(4 * 60 * 1000);
    rig.window->idleLock()->checkNow();
    CHECK_FALSE(rig.window->isLocked());

    rig.clock.advance(60 * 1000 + 1);
    rig.window->idleLock()->checkNow();
    REQUIRE(rig.window->isLocked());
    CHECK_FALSE(rig.contentVisible());
    CHECK_FALSE(rig.window->menuBar()->isEnabled());
    CHECK(rig.events == QStringList{QStringLiteral("locked:idle")});

    QLineEdit *password = rig.password();
    REQUIRE(password);
    QTest::keyClicks(password, QStringLiteral("a wrong guess"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(rig.window->isLocked());
    CHECK(rig.window->findChild<QLabel *>(QStringLiteral("lockMessage"))->text() == QStringLiteral("That password is not right."));
    CHECK(password->text().isEmpty());

    QTest::keyClicks(password, QStringLiteral("blue heron over the fen"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK_FALSE(rig.window->isLocked());
    CHECK(rig.contentVisible());
    CHECK(rig.events.last() == QStringLiteral("unlocked"));
}

TEST_CASE("Ctrl+L blanks the window at once when someone walks past")
{
    LockRig rig;
    QTest::keyClick(rig.window.get(), Qt::Key_L, Qt::ControlModifier);
    REQUIRE(rig.window->isLocked());
    CHECK_FALSE(rig.contentVisible());
    CHECK(rig.events == QStringList{QStringLiteral("locked:privacy screen")});
}

TEST_CASE("The idle time is a setting from 1 to 30 minutes")
{
    FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    IdleLock lock(clock, 0);
    CHECK(lock.minutes() == 1);
    lock.setMinutes(45);
    CHECK(lock.minutes() == 30);
    lock.setMinutes(12);
    CHECK(lock.minutes() == 12);
}

TEST_CASE("Left locked for the set time, a desk on an encrypted database signs out, its key going with the store",
          "[issue20]")
{
    LockRig rig; // a plaintext database: never signed out by the lock alone
    QTest::keyClick(rig.window.get(), Qt::Key_L, Qt::ControlModifier);
    REQUIRE(rig.window->isLocked());
    rig.clock.advance(8 * 3600 * 1000LL);
    rig.window->checkLockedTooLong();
    CHECK(rig.window->isLocked());
    CHECK_FALSE(rig.window->signedOut());

    MainWindow::Context c;
    c.databasePath = QStringLiteral("/tmp/example.sqlite");
    c.signedInAs = QStringLiteral("Priya Invented (Call-handler)");
    c.confirmPassword = [](const QString &) -> Status {
        return {};
    };
    c.clock = &rig.clock;
    c.signOutWhenLockedMinutes = 30;
    MainWindow encrypted(c);
    encrypted.show();
    REQUIRE(QTest::qWaitForWindowExposed(&encrypted));
    encrypted.lock(QStringLiteral("idle"));
    rig.clock.advance(29 * 60 * 1000);
    encrypted.checkLockedTooLong();
    CHECK(encrypted.isLocked());
    CHECK_FALSE(encrypted.signedOut());
    rig.clock.advance(60 * 1000);
    encrypted.checkLockedTooLong();
    CHECK(encrypted.signedOut()); // the launcher closes the store (the key is wiped) and asks who is next
    CHECK_FALSE(encrypted.isVisible());
}
