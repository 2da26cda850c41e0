// Issue 18: no keystroke may land where the person did not mean it. Each window and dialog a supervisor meets —
// built by the launcher's own wiring (WindowContext) over a real database — is walked as it is shown, and every key
// claimed twice is named: Alt+R once opened the Referral menu from the review, and the next "n" started a live call.

#include <catch2/catch.hpp>

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

const QString password = QStringLiteral("kettle on the windowsill");

QString submitted(StoreFixture &f)
{
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Olwen Invented")));
    r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
    r.setAnswer(Field::referrerPhone, Answer::given(QStringLiteral("+441603000000")));
    const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
    REQUIRE(f->referrals().submit(r.reference, revision, handler, norfolk()));
    return r.reference;
}

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
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), password);
    submitted(f);
    const Account sam = f->accounts().find(QStringLiteral("sam")).value();
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, sam, {f.path, false, 5}));
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    requireNoClash(window, "home");

    QTest::keyClick(&window, Qt::Key_F4); // the queue
    auto *show = window.findChild<QComboBox *>(QStringLiteral("queueShow"));
    REQUIRE(show);
    show->setFocus();
    QTest::keyClick(show, Qt::Key_End); // All
    auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
    REQUIRE(table);
    REQUIRE(QTest::qWaitFor([table] { return table->isVisible() && table->model()->rowCount() > 0; }));
    requireNoClash(window, "queue");

    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return); // the review
    ReviewPage *review = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (review = window.findChild<ReviewPage *>()) && review->isVisible(); }));
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
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), password);
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
