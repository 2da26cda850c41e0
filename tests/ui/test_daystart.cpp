// Issue 21: what runs once a standalone desk's window shows — the integrity check, then the day's first backup —
// each on a thread of its own (DayStart, as the launcher wires it). The real store file, the real window.

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "storefixture.h"

#include "editor/referraleditor.h"
#include "mainwindow.h"
#include "session/daystart.h"
#include "store/backgroundbackup.h"
#include "store/backgroundcheck.h"
#include "store/backupfiles.h"
#include "store/holding.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

void fill(StoreFixture &f, int referrals)
{
    for (int i = 0; i < referrals; ++i) {
        StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = d.referral;
        r.setAnswer(u"concern.nature", Answer::given(QString(2000, u'x')));
        REQUIRE(f->referrals().save(r, d.revision, handler));
    }
}

// Until the check has its verdict and no backup runs (a minute at most).
void waitForDayStart(DayStart &start)
{
    REQUIRE(QTest::qWaitFor(
        [&start] { return start.check().state() != BackgroundCheck::State::Running && !start.backup().isRunning(); },
        60'000));
}

QStringList backups(StoreFixture &f)
{
    return BackupFiles::list(f->backupFolder(), f.path);
}

int backupEvents(StoreFixture &f)
{
    return f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'backupMade'")).toInt();
}

} // namespace

TEST_CASE("The desk's first window checks the file, then makes the day's backup on a thread while it answers",
          "[issue21]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    fill(f, 30);
    ShownWindow shown(f, sam);
    REQUIRE(backups(f).isEmpty());

    DayStart start(*f, shown.window, Actor{sam.id, sam.role}, true);
    auto *running = shown.window.findChild<QLabel *>(QStringLiteral("startupWorkLabel"));
    REQUIRE(running);
    shown.window.statusBar()->showMessage(QStringLiteral("Ready")); // as the window says when it opens
    start.start();
    CHECK(running->isVisible());
    CHECK(running->text().contains(QStringLiteral("Checking the database")));
    CHECK(shown.window.statusBar()->currentMessage().isEmpty()); // not drawn over the line (seen under Xvfb)
    // The window answers while the check and the copy run: Ctrl+N opens a new call at once.
    QTest::keyClick(&shown.window, Qt::Key_N, Qt::ControlModifier);
    CHECK(shown.window.findChild<ReferralEditor *>() != nullptr);
    waitForDayStart(start);

    CHECK(start.check().state() == BackgroundCheck::State::Passed);
    const QStringList made = backups(f);
    REQUIRE(made.size() == 1);
    CHECK(Backups::verify(made.first(), {}, {}, f.keyOf(made.first())));
    CHECK(backupEvents(f) == 1);
    CHECK_FALSE(running->isVisible());
    CHECK(shown.window.statusBar()->currentMessage().contains(QStringLiteral("backup is made and verified")));
    CHECK(shown.window.findChild<QMessageBox *>(QStringLiteral("backupAttention")) == nullptr);

    SECTION("the next person's window the same day: checked again, no second backup")
    {
        DayStart next(*f, shown.window, Actor{sam.id, sam.role}, true);
        next.start();
        waitForDayStart(next);
        CHECK(next.check().state() == BackgroundCheck::State::Passed);
        CHECK(backups(f).size() == 1);
        CHECK(backupEvents(f) == 1);
    }
    SECTION("a window that is not the desk's first: no backup, even when one is due")
    {
        f.clock.advance(25LL * 3600 * 1000); // a day and an hour on
        DayStart later(*f, shown.window, Actor{sam.id, sam.role}, false);
        later.start();
        waitForDayStart(later);
        CHECK(backups(f).size() == 1);
    }
}

TEST_CASE("A damaged file: the check stops every write, the window says so, and no backup is made of it", "[issue21]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    fill(f, 40);
    // An index only the known-child check reads: the window opens, the check reads it whole.
    const qint64 indexPage
        = f.rawValue(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'person_keys_given'"))
              .toLongLong();
    REQUIRE(indexPage > 1);
    f.close();
    {
        QFile file(f.path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek((indexPage - 1) * 4096));
        REQUIRE(file.write(QByteArray(8, '\xff')) == 8);
    }
    Store::Options later;
    later.quickCheck = false; // as the window's store opens
    later.passwordCost = cheapHashing;
    later.sealing = f.sealing;
    f.reopen(later);
    ShownWindow shown(f, sam);

    QString told;
    QTimer answer; // the message once, answered as the person would, whenever it comes
    answer.setInterval(20);
    QObject::connect(&answer, &QTimer::timeout, [&told] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            told = box->text();
            QTest::keyClick(box, Qt::Key_Return);
        }
    });
    answer.start();
    DayStart start(*f, shown.window, Actor{sam.id, sam.role}, true);
    start.start();
    waitForDayStart(start);
    CHECK(start.check().state() == BackgroundCheck::State::Failed);
    CHECK(told.contains(QStringLiteral("stopped saving")));
    auto *banner = shown.window.findChild<QLabel *>(QStringLiteral("storeRefusalBanner"));
    REQUIRE(banner);
    CHECK(banner->isVisible());
    CHECK(backups(f).isEmpty());
    auto *running = shown.window.findChild<QLabel *>(QStringLiteral("startupWorkLabel"));
    CHECK_FALSE(running->isVisible());
    start.start(); // as after an unlock: a failed check is not run again, and nothing says it is running
    CHECK(start.check().state() == BackgroundCheck::State::Failed);
    CHECK_FALSE(running->isVisible());
}
