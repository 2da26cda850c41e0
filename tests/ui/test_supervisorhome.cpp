// The supervisor's home (issue 18): the counts that matter — urgent, awaiting a decision, overdue — each one Enter
// away from the queue showing exactly what it counted.

#include <catch2/catch.hpp>

#include "reviewfixture.h"

#include "counted.h"
#include "home/homepage.h"
#include "profile/profileshelf.h"
#include "queue/queueview.h"
#include "session/windowcontext.h"

#include <QApplication>
#include <QPushButton>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// An invented draft whose caller said a child is in immediate danger: urgent from that answer on.
void urgentDraft(StoreFixture &f)
{
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
    REQUIRE(f->referrals().save(r, draft.revision, handler));
    REQUIRE(f->referrals().flush(r.reference));
}

} // namespace

TEST_CASE("A supervisor's home counts urgent, awaiting decision and overdue, Enter opens the queue showing them",
          "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    submittedWithTwoChildren(f);
    submittedWithTwoChildren(f);
    urgentDraft(f);
    f.clock.advance(qint64(4) * 24 * 3600 * 1000); // four days on: the decisions are overdue (one working day)
    ShownWindow shown(f, sam);
    MainWindow &window = shown.window;

    auto *urgent = window.findChild<QPushButton *>(QStringLiteral("urgentCount"));
    auto *awaiting = window.findChild<QPushButton *>(QStringLiteral("awaitingDecisionCount"));
    auto *overdue = window.findChild<QPushButton *>(QStringLiteral("overdueCount"));
    REQUIRE(urgent);
    REQUIRE(awaiting);
    REQUIRE(overdue);
    CHECK(urgent->text() == QStringLiteral("1 urgent referral"));
    CHECK(awaiting->text() == QStringLiteral("2 awaiting a decision"));
    CHECK(overdue->text().endsWith(QStringLiteral(" overdue")));
    const int overdueCount = overdue->text().section(u' ', 0, 0).toInt();
    CHECK(overdueCount >= 2);
    CHECK(urgent->accessibleName().startsWith(QStringLiteral("1 urgent referral — Enter opens the queue")));
    // Urgent work waiting comes first: the cursor is on it when the home opens.
    CHECK(QApplication::focusWidget() == urgent);

    const auto rowsAfterEnter = [&](QPushButton *count, const QString &shown) {
        window.findChild<QAction *>(QStringLiteral("homeAction"))->trigger();
        count->setFocus(Qt::TabFocusReason);
        QTest::keyClick(count, Qt::Key_Return);
        auto *queue = window.findChild<QueueView *>();
        REQUIRE(queue);
        CHECK(queue->isVisible());
        CHECK(window.findChild<QComboBox *>(QStringLiteral("queueShow"))->currentText() == shown);
        auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
        CHECK(QApplication::focusWidget() == table);
        return table->model()->rowCount();
    };
    CHECK(rowsAfterEnter(awaiting, QStringLiteral("Awaiting decision")) == 2);
    CHECK(rowsAfterEnter(urgent, QStringLiteral("Urgent, not yet decided")) == 1);
    CHECK(rowsAfterEnter(overdue, QStringLiteral("Overdue")) == overdueCount);
}

TEST_CASE("A call-handler's home shows no counts of the whole queue", "[issue18]")
{
    StoreFixture f;
    submittedWithTwoChildren(f);
    const Account sam = withSupervisorSam(f);
    REQUIRE(f->accounts().create(Actor{QStringLiteral("root"), Role::Administrator},
                                 QStringLiteral("cal"),
                                 QStringLiteral("Cal Invented"),
                                 Role::CallHandler,
                                 password));
    const Account cal = f->accounts().find(QStringLiteral("cal")).value();
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, cal, {f.path, false, 5}));
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    CHECK(window.findChild<QPushButton *>(QStringLiteral("urgentCount")) == nullptr);
    CHECK(window.findChild<QWidget *>(QStringLiteral("supervisorCounts")) == nullptr);
}

TEST_CASE("A supervisor's own unfinished call takes the cursor before the urgent count", "[issue18]")
{
    StoreFixture f;
    const Account sam = withSupervisorSam(f);
    urgentDraft(f);                                                                  // someone else's urgent call
    REQUIRE(f->referrals().createDraft(norfolk(), Actor{sam.id, Role::Supervisor})); // Sam's own, left unfinished
    ShownWindow shown(f, sam);
    auto *urgent = shown.window.findChild<QPushButton *>(QStringLiteral("urgentCount"));
    REQUIRE(urgent);
    CHECK(urgent->text() == QStringLiteral("1 urgent referral"));
    // After a restart the caller may still be on the line: the call comes first.
    REQUIRE(QApplication::focusWidget());
    CHECK(QApplication::focusWidget() != urgent);
    CHECK(QApplication::focusWidget()->objectName() == QStringLiteral("unfinishedCalls"));
}

TEST_CASE("Issue 21: a count in the hundreds of thousands is grouped as the reader's locale writes it")
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    CHECK(counted(611032, QStringLiteral("urgent referral"), QStringLiteral("urgent referrals"))
          == QStringLiteral("611,032 urgent referrals"));
    CHECK(counted(1, QStringLiteral("urgent referral"), QStringLiteral("urgent referrals"))
          == QStringLiteral("1 urgent referral"));
    QLocale::setDefault(before);
}
