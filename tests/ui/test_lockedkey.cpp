// Issue 20: on an encrypted database the key is wiped the moment the screen locks, and only the password of the
// person signed in brings it back. The real sign-in, window and store over an encrypted file in a temporary folder,
// driven by keystrokes.

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "storefixture.h"

#include "editor/autosaver.h"
#include "editor/referraleditor.h"
#include "mainwindow.h"
#include "profile/profileshelf.h"
#include "referral/fields.h"
#include "referral/referraljson.h"
#include "review/reviewpage.h"
#include "session/daystart.h"
#include "session/windowcontext.h"
#include "store/anchorlog.h"
#include "store/backgroundbackup.h"
#include "store/backgroundcheck.h"
#include "store/backupfiles.h"
#include "store/databasekeys.h"
#include "store/encryptedsignin.h"
#include "store/sealedvfs.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString priyasPassword = QStringLiteral("heron over the fen at dawn");

// A new encrypted database with an administrator and Priya, a call-handler; Priya signed in, her window shown.
struct EncryptedDesk
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("live.sqlite"));
    Store::Options opening = cheaply();
    EncryptedSession session = signedIn(path, opening);
    Store &store = *session.store;
    ProfileShelf shelf{norfolk()};
    MainWindow window{WindowContext::forPerson(store, shelf, session.account, {path, false, 5})};

    EncryptedDesk()
    {
        window.resize(1366, 768);
        window.show();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }

    static Store::Options cheaply()
    {
        Store::Options options;
        options.passwordCost = cheapHashing;
        return options;
    }
    static EncryptedSession signedIn(const QString &path, const Store::Options &opening)
    {
        {
            Result<EncryptedSession> made = createEncrypted(path,
                                                            QStringLiteral("admin"),
                                                            QStringLiteral("Ada Admin"),
                                                            QStringLiteral("kettle on the windowsill"),
                                                            Clock::system(),
                                                            opening);
            REQUIRE(made);
            REQUIRE(made->store->accounts().create(Actor{made->account.id, Role::Administrator},
                                                   QStringLiteral("priya"),
                                                   QStringLiteral("Priya Invented"),
                                                   Role::CallHandler,
                                                   priyasPassword));
        }
        Result<EncryptedSession> priya
            = signInToEncrypted(path, QStringLiteral("priya"), priyasPassword, Clock::system(), opening);
        REQUIRE(priya);
        return std::move(*priya);
    }
};

void typeAtLock(MainWindow &window, const QString &password)
{
    auto *field = window.findChild<QLineEdit *>(QStringLiteral("lockPassword"));
    REQUIRE(field);
    REQUIRE(field->isVisible());
    field->setFocus();
    QTest::keyClicks(field, password);
    QTest::keyClick(field, Qt::Key_Return);
}

QString lockMessage(MainWindow &window)
{
    auto *label = window.findChild<QLabel *>(QStringLiteral("lockMessage"));
    REQUIRE(label);
    return label->text();
}

} // namespace

TEST_CASE("Encrypted desk: Ctrl+L straight after typing saves the call, then wipes the key until the password",
          "[issue20]")
{
    EncryptedDesk desk;
    MainWindow &window = desk.window;
    Store &store = desk.store;
    const QString &path = desk.path;

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    auto *editor = window.findChild<ReferralEditor *>();
    REQUIRE(editor);
    const QString reference = editor->referral().reference;
    REQUIRE(editor->jumpTo(Field::referrerName.toString()));
    auto *first = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    REQUIRE(first);
    QTest::keyClicks(first, QStringLiteral("Invented Caller Oyvind"));
    REQUIRE(editor->saver().hasUnsavedChanges()); // within the half-second before the autosave

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    CHECK(store.database().isKeyWiped());
    CHECK_FALSE(editor->saver().hasUnsavedChanges()); // saved before the key went
    CHECK_FALSE(store.locks().canRenew());            // the lease heartbeat waits rather than reports a failure
    // Nothing reads the file now: the store refuses with a message, and a statement behind its back is refused by
    // the VFS (the cached pages were let go with the key).
    Result<StoredReferral> refused = store.referrals().load(reference);
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("screen is locked")));
    QSqlQuery behind(store.database().connection());
    CHECK_FALSE(behind.exec(QStringLiteral("SELECT count(*) FROM referrals")));
    CHECK(behind.lastError().text().contains(QStringLiteral("I/O"))); // SQLITE_IOERR_AUTH from the VFS

    // Another program holding the key (a second desk on the same file) finds the call as typed.
    {
        Result<std::shared_ptr<SealingKey>> key = DatabaseKeys::unlock(path, QStringLiteral("priya"), priyasPassword);
        REQUIRE(key);
        Store::Options withKey = desk.opening;
        withKey.sealing = *key;
        Result<std::unique_ptr<Store>> other = Store::open(path, Clock::system(), withKey);
        REQUIRE(other);
        const QString saved
            = QString::fromUtf8(QJsonDocument(ReferralJson::toJson((*other)->referrals().load(reference)->referral))
                                    .toJson(QJsonDocument::Compact));
        CHECK(saved.contains(QStringLiteral("Invented Caller Oyvind")));
    }

    typeAtLock(window, QStringLiteral("a wrong guess at it"));
    CHECK(window.isLocked());
    CHECK(store.database().isKeyWiped());
    CHECK(lockMessage(window).contains(QStringLiteral("not right")));
    typeAtLock(window, priyasPassword);
    REQUIRE_FALSE(window.isLocked());
    CHECK_FALSE(store.database().isKeyWiped());
    CHECK(store.locks().canRenew());
    CHECK(window.findChild<ReferralEditor *>() == editor); // back where she was

    // The wrong guess is in the trail now that it can be written, with the lock and the unlock around it.
    QSqlQuery trail(store.database().connection());
    REQUIRE(trail.exec(QStringLiteral("SELECT kind, json_extract(payload, '$.attempts') FROM audit "
                                      "WHERE kind IN ('locked', 'unlocked', 'signInFailed') ORDER BY seq")));
    QStringList kinds;
    while (trail.next())
        kinds.append(trail.value(0).toString() + u':' + trail.value(1).toString());
    INFO(kinds.join(u' ').toStdString());
    CHECK(kinds
          == QStringList{QStringLiteral("locked:"), QStringLiteral("signInFailed:1"), QStringLiteral("unlocked:")});

    // Typing goes on as before: saved with the key that came back.
    first->setFocus();
    QTest::keyClicks(first, QStringLiteral(" Junior"));
    CHECK(editor->saver().flushNow());
    CHECK(store.referrals().load(reference));
}

TEST_CASE("Encrypted desk: the lock screen's Sign out with the key wiped writes nothing and closes quietly",
          "[issue20]")
{
    EncryptedDesk desk;
    MainWindow &window = desk.window;
    const QString &path = desk.path;
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    REQUIRE(window.findChild<ReferralEditor *>());
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(desk.store.database().isKeyWiped());
    const QByteArray before = fileDigest(path);

    auto *signOut = window.findChild<QPushButton *>(QStringLiteral("lockSignOutButton"));
    REQUIRE(signOut);
    signOut->setFocus();
    QTest::keyClick(signOut, Qt::Key_Space);
    CHECK(window.signedOut());
    CHECK_FALSE(window.isVisible());
    CHECK(fileDigest(path) == before); // the editor and its lease went without a write the key would have sealed
    const std::weak_ptr<const SealingKey> key = desk.store.database().sealingKey();
    desk.session.store.reset(); // the launcher closes the store: the key's memory is freed
    CHECK(key.expired());
}

TEST_CASE("The key stays behind the lock while a review holds entries only on screen, and goes once they are "
          "recorded",
          "[issue20]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    const QString submitted = submittedWithTwoChildren(f);
    ProfileShelf shelf(norfolk());
    MainWindow::Context context = WindowContext::forPerson(*f, shelf, sam, {f.path, false, 5});
    int wiped = 0;
    context.wipeKeyOnLock = [&wiped] {
        ++wiped;
        return Status{};
    };
    MainWindow window(context);
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    ReviewPage *review = openFirstFromQueue(window);
    auto *outcome = review->findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    REQUIRE(outcome);
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);
    REQUIRE_FALSE(review->unrecorded().isEmpty());

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    CHECK(wiped == 0); // the lock screen's Sign out must still be able to record the entries

    typeAtLock(window, password);
    REQUIRE_FALSE(window.isLocked());
    // Both children's outcomes with their reasons, recorded and signed by Ctrl+Enter: nothing only on screen.
    for (const QString &child : {QStringLiteral("c1"), QStringLiteral("c2")}) {
        auto *each = review->findChild<QComboBox *>(QStringLiteral("outcome_") + child);
        REQUIRE(each);
        each->setFocus();
        if (each != outcome)
            QTest::keyClick(each, Qt::Key_Down);
        QTest::keyClick(each, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Invented reasons for this child."));
    }
    answerDialogWhenAsked(password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    INFO(review->unrecorded().join(u',').toStdString());
    REQUIRE(review->unrecorded().isEmpty());
    CHECK(f->referrals().load(submitted)->referral.outcomes.size() == 2); // recorded, not set aside
    window.activateWindow(); // the password dialog has gone: the window has the keyboard again
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(window.isLocked());
    CHECK(wiped == 1);
}

TEST_CASE("Encrypted desk: the check after start and the day's backup stop while the key is wiped, and run again "
          "at the unlock",
          "[issue20][issue21]")
{
    EncryptedDesk desk;
    MainWindow &window = desk.window;
    Store &store = desk.store;
    const QString folder = store.backupFolder();
    const Actor priya{desk.session.account.id, desk.session.account.role};
    DayStart start(store, window, priya, true);
    const auto settled = [&start] {
        return start.check().state() != BackgroundCheck::State::Running && !start.backup().isRunning();
    };

    SECTION("locked while the check runs: paused, then checked again from the beginning, then backed up")
    {
        start.start();
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier); // before the check could finish
        REQUIRE(store.database().isKeyWiped());
        CHECK(start.check().state() == BackgroundCheck::State::Paused);
        QTest::qWait(200);
        CHECK(start.check().state() == BackgroundCheck::State::Paused); // nothing runs behind the lock
        CHECK(BackupFiles::list(folder, desk.path).isEmpty());
    }
    SECTION("locked the moment the backup began: it stops, leaves nothing, and is made after the unlock")
    {
        // Straight after the check passes — DayStart has just started the backup — the screen locks.
        QObject::connect(&start.check(), &BackgroundCheck::passed, &window, [&window] {
            QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        });
        start.start();
        REQUIRE(QTest::qWaitFor([&window] { return window.isLocked(); }, 60'000));
        REQUIRE(store.database().isKeyWiped());
        CHECK_FALSE(start.backup().isRunning());
        QTest::qWait(200);
        // A stopped backup leaves nothing, or — when its thread had just finished — one whole backup and its keys.
        const QStringList left = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        INFO(left.join(u' ').toStdString());
        CHECK((left.isEmpty() || (left.size() == 2 && left.at(1) == left.at(0) + QStringLiteral(".keys"))));
    }
    SECTION("locked just after the backup was made whole: after the unlock it is anchored, not made again")
    {
        bool madeWhole = false;
        QObject::connect(&start.check(), &BackgroundCheck::passed, &window, [&] { // after DayStart started it
            madeWhole = start.backup().waitForWork(120'000);
            QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        });
        start.start();
        REQUIRE(QTest::qWaitFor([&window] { return window.isLocked(); }, 60'000));
        REQUIRE(madeWhole);
        CHECK(BackupFiles::list(folder, desk.path).size() == 1);
    }
    typeAtLock(window, priyasPassword);
    REQUIRE_FALSE(window.isLocked());
    REQUIRE(QTest::qWaitFor(settled, 60'000));
    CHECK(start.check().state() == BackgroundCheck::State::Passed);
    const QStringList made = BackupFiles::list(folder, desk.path);
    REQUIRE(made.size() == 1);
    CHECK(Backups::latestVerified(folder, desk.path, store.database().sealingKey()) == made.first());
    // Whichever moment the lock came, the backup on disk is anchored: the next verifies from its head.
    Result<QList<Anchor>> anchors = AnchorLog::read(store.anchors().file());
    REQUIRE(anchors);
    REQUIRE_FALSE(anchors->isEmpty());
    CHECK(anchors->last().occasion == QStringLiteral("backup"));
}
