// Issue 5, by keystrokes as a person would: first run creates the administrator, who creates a call-handler,
// who signs in. The real dialogs over a real database in a temporary folder, offscreen.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/dialogkeys.h"

#include "session/accountsdialog.h"
#include "session/firstrundialog.h"
#include "session/newpassworddialog.h"
#include "session/recoverykeydialog.h"
#include "session/signindialog.h"

#include "store/databasekeys.h"
#include "store/encryptedsignin.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const PasswordHasher::Cost cheap{1, 8 * 1024 * 1024};

QLineEdit *edit(QWidget &parent, const char *name)
{
    auto *found = parent.findChild<QLineEdit *>(QString::fromLatin1(name));
    REQUIRE(found);
    return found;
}

QString message(QWidget &parent, const char *name)
{
    auto *label = parent.findChild<QLabel *>(QString::fromLatin1(name));
    REQUIRE(label);
    return label->text();
}

void typeInto(QWidget &parent, const char *name, const QString &text)
{
    QLineEdit *field = edit(parent, name);
    field->setFocus();
    QTest::keyClicks(field, text);
}

} // namespace

TEST_CASE("First run → the administrator → a call-handler → the call-handler signs in, all by keyboard")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);

    FirstRunDialog firstRun(accounts);
    firstRun.show();
    REQUIRE(QTest::qWaitForWindowExposed(&firstRun));
    typeInto(firstRun, "firstRunLogin", QStringLiteral("admin"));
    typeInto(firstRun, "firstRunFullName", QStringLiteral("Ada Admin"));
    typeInto(firstRun, "firstRunPassword", QStringLiteral("kettle on the windowsill"));
    typeInto(firstRun, "firstRunRepeat", QStringLiteral("kettle on the windowsil")); // a slip
    QTest::keyClick(edit(firstRun, "firstRunRepeat"), Qt::Key_Return);
    CHECK(message(firstRun, "firstRunMessage").contains(QStringLiteral("not the same")));
    CHECK(accounts.isEmpty().value());
    typeInto(firstRun, "firstRunPassword", QStringLiteral("kettle on the windowsill"));
    typeInto(firstRun, "firstRunRepeat", QStringLiteral("kettle on the windowsill"));
    QTest::keyClick(edit(firstRun, "firstRunRepeat"), Qt::Key_Return);
    INFO(message(firstRun, "firstRunMessage").toStdString());
    REQUIRE(firstRun.result() == QDialog::Accepted);
    CHECK(firstRun.account().role == Role::Administrator);

    AccountsDialog manage(accounts, Actor{firstRun.account().id, Role::Administrator});
    manage.show();
    REQUIRE(QTest::qWaitForWindowExposed(&manage));
    typeInto(manage, "newAccountLogin", QStringLiteral("priya"));
    typeInto(manage, "newAccountFullName", QStringLiteral("Priya Invented"));
    typeInto(manage, "newAccountPassword", QStringLiteral("blue heron over the fen"));
    typeInto(manage, "newAccountRepeat", QStringLiteral("blue heron over the fen"));
    QTest::keyClick(edit(manage, "newAccountRepeat"), Qt::Key_Return); // the default button: Create account
    INFO(message(manage, "accountsMessage").toStdString());
    CHECK(message(manage, "accountsMessage").contains(QStringLiteral("Created priya (Call-handler)")));
    CHECK(edit(manage, "newAccountPassword")->text().isEmpty()); // no password left on screen
    REQUIRE(accounts.find(QStringLiteral("priya")));

    SignInDialog signIn(accounts, QStringLiteral("Norfolk CADS"));
    signIn.show();
    REQUIRE(QTest::qWaitForWindowExposed(&signIn));
    typeInto(signIn, "signInName", QStringLiteral("priya"));
    QTest::keyClick(edit(signIn, "signInName"), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("a wrong guess at it"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    CHECK(message(signIn, "signInMessage") == QStringLiteral("The name or the password is not right."));
    CHECK(edit(signIn, "signInPassword")->text().isEmpty());
    CHECK(edit(signIn, "signInName")->text() == QStringLiteral("priya"));
    CHECK(signIn.result() != QDialog::Accepted);

    typeInto(signIn, "signInPassword", QStringLiteral("blue heron over the fen"));
    QTest::keyClick(edit(signIn, "signInPassword"), Qt::Key_Return);
    REQUIRE(signIn.result() == QDialog::Accepted);
    CHECK(signIn.account().id == QStringLiteral("priya"));
    CHECK(signIn.account().role == Role::CallHandler);
}

TEST_CASE("The administrator disables, enables and resets an account in the window, by keyboard, audited",
          "[issue17]")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    const QString password = QStringLiteral("kettle on the windowsill");
    REQUIRE(accounts.createFirstAdministrator(QStringLiteral("admin"), QStringLiteral("Ada Admin"), password));
    const Actor admin{QStringLiteral("admin"), Role::Administrator};
    REQUIRE(accounts.create(admin, QStringLiteral("priya"), QStringLiteral("Priya Invented"), Role::CallHandler,
                            QStringLiteral("blue heron over the fen")));

    AccountsDialog manage(accounts, admin);
    manage.show();
    REQUIRE(QTest::qWaitForWindowExposed(&manage));
    manage.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&manage));
    auto *list = manage.findChild<QListWidget *>(QStringLiteral("accountsList"));
    REQUIRE(list);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    auto *disable = manage.findChild<QPushButton *>(QStringLiteral("disableAccountButton"));
    CHECK_FALSE(disable->isEnabled()); // an administrator cannot disable their own account
    QTest::keyClick(list, Qt::Key_Down); // priya
    REQUIRE(disable->isEnabled());
    auto *result = manage.findChild<QLabel *>(QStringLiteral("accountsMessage"));

    CHECK(pressMnemonic(manage, Qt::Key_D, *result).contains(QStringLiteral("Disabled priya")));
    CHECK(accounts.find(QStringLiteral("priya"))->disabled);
    CHECK(list->currentItem()->text().contains(QStringLiteral("disabled")));
    CHECK(pressMnemonic(manage, Qt::Key_E, *result).contains(QStringLiteral("Enabled priya again")));
    CHECK_FALSE(accounts.find(QStringLiteral("priya"))->disabled);

    QTest::keyClick(manage.windowHandle(), Qt::Key_W, Qt::AltModifier);
    NewPasswordDialog *reset = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (reset = manage.findChild<NewPasswordDialog *>()) && reset->isVisible(); }));
    reset->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(reset));
    typeInto(*reset, "newPassword", QStringLiteral("silver birch by the gate"));
    typeInto(*reset, "newPasswordAgain", QStringLiteral("silver birch by the gat"));
    QTest::keyClick(edit(*reset, "newPasswordAgain"), Qt::Key_Return);
    CHECK(message(*reset, "newPasswordMessage").contains(QStringLiteral("not the same")));
    typeInto(*reset, "newPassword", QStringLiteral("silver birch by the gate"));
    typeInto(*reset, "newPasswordAgain", QStringLiteral("silver birch by the gate"));
    QTest::keyClick(edit(*reset, "newPasswordAgain"), Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return result->text().contains(QStringLiteral("has a new password")); }));
    CHECK(accounts.signIn(QStringLiteral("priya"), QStringLiteral("silver birch by the gate")));
    CHECK_FALSE(accounts.signIn(QStringLiteral("priya"), QStringLiteral("blue heron over the fen")));

    const QString kinds = f.rawValue(QStringLiteral("SELECT group_concat(kind) FROM audit WHERE kind IN ("
                                                    "'accountDisabled', 'accountEnabled', 'passwordReset')"));
    CHECK(kinds == QStringLiteral("accountDisabled,accountEnabled,passwordReset"));
}

TEST_CASE("Accounts dialog: the role resets after an account is made, and a password error puts the cursor back",
          "[issue18]")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    REQUIRE(accounts.createFirstAdministrator(QStringLiteral("admin"), QStringLiteral("Ada Admin"),
                                              QStringLiteral("kettle on the windowsill")));
    AccountsDialog manage(accounts, Actor{QStringLiteral("admin"), Role::Administrator});
    manage.show();
    REQUIRE(QTest::qWaitForWindowExposed(&manage));
    auto *role = manage.findChild<QComboBox *>();
    REQUIRE(role);
    typeInto(manage, "newAccountLogin", QStringLiteral("sam"));
    typeInto(manage, "newAccountFullName", QStringLiteral("Sam Invented"));
    role->setFocus();
    QTest::keyClick(role, Qt::Key_End); // the most powerful role
    typeInto(manage, "newAccountPassword", QStringLiteral("blue heron over the fen"));
    typeInto(manage, "newAccountRepeat", QStringLiteral("blue heron over the fens"));
    QTest::keyClick(edit(manage, "newAccountRepeat"), Qt::Key_Return);
    CHECK(message(manage, "accountsMessage").contains(QStringLiteral("not the same")));
    CHECK(QApplication::focusWidget() == edit(manage, "newAccountPassword")); // back where the fault is

    typeInto(manage, "newAccountPassword", QStringLiteral("short"));
    typeInto(manage, "newAccountRepeat", QStringLiteral("short"));
    QTest::keyClick(edit(manage, "newAccountRepeat"), Qt::Key_Return);
    CHECK(QApplication::focusWidget() == edit(manage, "newAccountPassword"));

    typeInto(manage, "newAccountPassword", QStringLiteral("blue heron over the fen"));
    typeInto(manage, "newAccountRepeat", QStringLiteral("blue heron over the fen"));
    QTest::keyClick(edit(manage, "newAccountRepeat"), Qt::Key_Return);
    REQUIRE(message(manage, "accountsMessage").contains(QStringLiteral("Created sam")));
    CHECK(role->currentIndex() == 0); // the next account does not inherit the last one's role
}

TEST_CASE("First run makes an encrypted database: the recovery key is shown until written down, sign-in unwraps it",
          "[issue20]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("front door/live.sqlite"));
    Store::Options opening;
    opening.passwordCost = cheap;
    QString recovery;
    FirstRunDialog firstRun([&](const QString &login, const QString &fullName, const QString &password) {
        Result<EncryptedSession> made = createEncrypted(path, login, fullName, password, Clock::system(), opening);
        if (!made)
            return Result<Account>(made.error());
        recovery = made->recoveryKey;
        return Result<Account>(made->account);
    });
    firstRun.show();
    REQUIRE(QTest::qWaitForWindowExposed(&firstRun));
    typeInto(firstRun, "firstRunLogin", QStringLiteral("admin"));
    typeInto(firstRun, "firstRunFullName", QStringLiteral("Ada Admin"));
    typeInto(firstRun, "firstRunPassword", QStringLiteral("admin's kettle"));
    typeInto(firstRun, "firstRunRepeat", QStringLiteral("admin's kettle"));
    QTest::keyClick(edit(firstRun, "firstRunRepeat"), Qt::Key_Return);
    // The rules refuse a password with the name in it before any key or file is made.
    CHECK(message(firstRun, "firstRunMessage").contains(QStringLiteral("must not contain")));
    CHECK_FALSE(QFileInfo::exists(path));
    CHECK_FALSE(QFileInfo::exists(KeyRing::pathFor(path)));
    typeInto(firstRun, "firstRunPassword", QStringLiteral("kettle on the windowsill"));
    typeInto(firstRun, "firstRunRepeat", QStringLiteral("kettle on the windowsill"));
    QTest::keyClick(edit(firstRun, "firstRunRepeat"), Qt::Key_Return);
    INFO(message(firstRun, "firstRunMessage").toStdString());
    REQUIRE(firstRun.result() == QDialog::Accepted);
    CHECK(DatabaseKeys::isEncrypted(path));
    CHECK((QFileInfo(KeyRing::pathFor(path)).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
    REQUIRE(recovery.size() > 40);

    RecoveryKeyDialog shown(recovery, path);
    shown.show();
    REQUIRE(QTest::qWaitForWindowExposed(&shown));
    CHECK(edit(shown, "recoveryKey")->text() == recovery);
    auto *written = shown.findChild<QCheckBox *>(QStringLiteral("recoveryKeyWrittenDown"));
    REQUIRE(written);
    QTest::keyClick(&shown, Qt::Key_Escape); // not written down: Escape does not lose the key
    QTest::keyClick(written, Qt::Key_Return);
    CHECK(shown.isVisible());
    CHECK(shown.result() != QDialog::Accepted);
    QTest::keyClick(written, Qt::Key_Space); // ticked
    QTest::keyClick(written, Qt::Key_Return);
    CHECK(shown.result() == QDialog::Accepted);
    CHECK(DatabaseKeys::unlockWithRecoveryKey(path, recovery));

    const QByteArray before = fileDigest(path);
    std::optional<EncryptedSession> session;
    SignInDialog signIn(
        [&](const QString &name, const QString &password) -> Result<Account> {
            Result<EncryptedSession> signedIn = signInToEncrypted(path, name, password, Clock::system(), opening);
            if (!signedIn)
                return signedIn.error();
            session = std::move(*signedIn);
            return session->account;
        },
        QStringLiteral("Norfolk CADS"));
    signIn.show();
    REQUIRE(QTest::qWaitForWindowExposed(&signIn));
    typeInto(signIn, "signInName", QStringLiteral("admin"));
    typeInto(signIn, "signInPassword", QStringLiteral("a wrong guess at it"));
    QTest::keyClick(edit(signIn, "signInPassword"), Qt::Key_Return);
    CHECK(message(signIn, "signInMessage") == QStringLiteral("The name or the password is not right."));
    CHECK_FALSE(session);
    CHECK(fileDigest(path) == before);                         // the wrong password never opened the file
    typeInto(signIn, "signInName", QStringLiteral("-nobody")); // an unknown name: the same words
    typeInto(signIn, "signInPassword", QStringLiteral("kettle on the windowsill"));
    QTest::keyClick(edit(signIn, "signInPassword"), Qt::Key_Return);
    CHECK(message(signIn, "signInMessage") == QStringLiteral("The name or the password is not right."));
    edit(signIn, "signInName")->clear();
    typeInto(signIn, "signInName", QStringLiteral("ADMIN")); // names are not case-sensitive, the wrap neither
    typeInto(signIn, "signInPassword", QStringLiteral("kettle on the windowsill"));
    QTest::keyClick(edit(signIn, "signInPassword"), Qt::Key_Return);
    INFO(message(signIn, "signInMessage").toStdString());
    REQUIRE(signIn.result() == QDialog::Accepted);
    REQUIRE(session);
    CHECK(session->account.role == Role::Administrator);
    CHECK(session->store->database().isSealed());
    // Signing out closes the store: nothing holds the key any more, so its guarded memory is wiped and freed.
    const std::weak_ptr<const SealingKey> key = session->store->database().sealingKey();
    REQUIRE_FALSE(key.expired());
    session.reset();
    CHECK(key.expired());
}
