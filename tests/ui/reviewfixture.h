#pragma once

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"

#include "mainwindow.h"
#include "profile/profileshelf.h"
#include "review/reviewpage.h"
#include "session/windowcontext.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

// A submitted invented referral for the review tests: two children, a professional caller feedback can reach.
namespace FrontDoorTest {

inline const QString password = QStringLiteral("kettle on the windowsill");

inline QString submittedWithTwoChildren(StoreFixture &f)
{
    FrontDoor::StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    FrontDoor::Referral r = draft.referral;
    r.children[0].answers.insert(QStringLiteral("name"), FrontDoor::Answer::given(QStringLiteral("Olwen Invented")));
    r.children.append(FrontDoor::Person{QStringLiteral("c2"), {{QStringLiteral("name"), FrontDoor::Answer::given(QStringLiteral("Bryn Invented"))}}});
    r.setAnswer(FrontDoor::Field::referrerType, FrontDoor::Answer::given(QStringLiteral("professional")));
    r.setAnswer(FrontDoor::Field::referrerPhone, FrontDoor::Answer::given(QStringLiteral("+441603000000"))); // feedback can reach them
    const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
    REQUIRE(f->referrals().submit(r.reference, revision, handler, norfolk()));
    return r.reference;
}

// The fixture's store with cheap password hashing, the administrator "root" and the supervisor "sam" (password).
inline FrontDoor::Account withSupervisorSam(StoreFixture &f)
{
    FrontDoor::Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), password);
    return f->accounts().find(QStringLiteral("sam")).value();
}

// As a supervisor opens a case: F4, Show ▸ All (End), Enter on the first row. The review it opens.
inline FrontDoor::ReviewPage *openFirstFromQueue(FrontDoor::MainWindow &window)
{
    QTest::keyClick(&window, Qt::Key_F4);
    auto *show = window.findChild<QComboBox *>(QStringLiteral("queueShow"));
    REQUIRE(show);
    show->setFocus();
    QTest::keyClick(show, Qt::Key_End); // All
    auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
    REQUIRE(table);
    REQUIRE(QTest::qWaitFor([table] { return table->model()->rowCount() > 0; }));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    auto *review = window.findChild<FrontDoor::ReviewPage *>();
    REQUIRE(review);
    return review;
}

// A person's main window over the fixture's store, on a 1366×768 screen, shown and active.
struct ShownWindow
{
    ShownWindow(StoreFixture &f, const FrontDoor::Account &person)
        : shelf(norfolk())
        , window(FrontDoor::WindowContext::forPerson(*f, shelf, person, {f.path, false, 5}))
    {
        window.resize(1366, 768);
        window.show();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
    FrontDoor::ProfileShelf shelf;
    FrontDoor::MainWindow window;
};

// Answers the next modal input dialog (the password to sign, a reason) by typing, as the person would.
inline void answerDialogWhenAsked(const QString &typed, QLineEdit::EchoMode echo = QLineEdit::Password)
{
    QTimer::singleShot(0, [typed, echo] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *field = dialog->findChild<QLineEdit *>();
        REQUIRE(field);
        CHECK(field->echoMode() == echo);
        QTest::keyClicks(field, typed);
        QTest::keyClick(field, Qt::Key_Return);
    });
}

} // namespace FrontDoorTest
