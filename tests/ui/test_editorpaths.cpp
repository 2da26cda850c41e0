// Issue 18, in the editor as a call-handler meets it: Y and N only where the person put the cursor, a call started by
// mistake discarded with a reason, a blocked submission's question in view, a focus ring that can be seen.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "showneditor.h"

#include "editor/autosaver.h"
#include "editor/editorheader.h"
#include "editor/questionwidget.h"
#include "editor/referraleditor.h"
#include "home/unfinishedcallsource.h"
#include "mainwindow.h"
#include "profile/profileshelf.h"
#include "session/windowcontext.h"
#include "referral/fields.h"
#include "rules/evaluator.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QTimer>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QStandardItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("Y and N answer only a question reached on purpose: not a key typed as the call opened", "[issue18]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor editor(f->referrals(), norfolk(), draft, handler, f.clock);
    editor.show();
    REQUIRE(QTest::qWaitForWindowActive(&editor));
    const QString danger = Field::triageImmediateDanger.toString();
    auto *yes = editor.findChild<QRadioButton *>(QStringLiteral("question_%1_value_yes").arg(idOf(danger)));
    REQUIRE(yes);
    REQUIRE(QApplication::focusWidget() == yes); // the program put the cursor on the first safety question

    // An "n" meant for something else, the moment the call opened: nothing is answered, and the person is told.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    CHECK_FALSE(editor.referral().answer(danger).hasValue());
    auto *question = editor.findChild<QuestionWidget *>(QStringLiteral("question_") + idOf(danger));
    REQUIRE(question);
    const QList<QLabel *> labels = question->findChildren<QLabel *>();
    CHECK(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->text().contains(QStringLiteral("Press N again to answer"));
    }));

    // Once the cursor has stood there a moment — a person listening to the caller — Y answers it.
    QTest::qWait(QuestionWidget::settleMsecs + 50);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y);
    CHECK(editor.referral().answer(danger).value() == QStringLiteral("yes"));
    CHECK_FALSE(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->text().contains(QStringLiteral("again to answer"));
    }));

    // N changes it (the cursor moves onto "No"); N pressed again at once is the answer it already is: no warning.
    QTest::qWait(QuestionWidget::settleMsecs + 50);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    CHECK(editor.referral().answer(danger).value() == QStringLiteral("no"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    CHECK(editor.referral().answer(danger).value() == QStringLiteral("no"));
    CHECK_FALSE(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->text().contains(QStringLiteral("Not answered"));
    }));

    // Reached by Tab, a question answers at once.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    CHECK(editor.referral().answer(danger).value() == QStringLiteral("no"));

    // With no question focused (the section list), Y answers nothing anywhere.
    const Referral before = editor.referral();
    auto *sections = editor.findChild<QListWidget *>(QStringLiteral("sectionList"));
    REQUIRE(sections);
    sections->setFocus(Qt::TabFocusReason);
    QTest::keyClick(sections, Qt::Key_Y);
    CHECK(editor.referral().answers == before.answers);
}

TEST_CASE("Referral › Discard this call: a call started by mistake leaves the home screen, with its reason",
          "[issue18]")
{
    StoreFixture f;
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), QStringLiteral("kettle on the windowsill"));
    REQUIRE(f->accounts().create(Actor{QStringLiteral("root"), Role::Administrator}, QStringLiteral("priya"),
                                 QStringLiteral("Priya Invented"), Role::CallHandler,
                                 QStringLiteral("kettle on the windowsill")));
    ProfileShelf shelf(norfolk());
    MainWindow window(WindowContext::forPerson(*f, shelf, f->accounts().find(QStringLiteral("priya")).value(),
                                               {f.path, false, 5}));
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    // Offered only with a call in front: greyed out on home, there once Ctrl+N has started one.
    QAction *discard = window.findChild<QAction *>(QStringLiteral("discardCallAction"));
    REQUIRE(discard);
    CHECK_FALSE(discard->isEnabled());
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier); // the wrong key
    auto *editor = window.findChild<ReferralEditor *>();
    REQUIRE(editor);
    const QString reference = editor->referral().reference;
    CHECK(discard->isEnabled());

    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *field = dialog->findChild<QLineEdit *>();
        QTest::keyClicks(field, QStringLiteral("started by mistake: a wrong key"));
        QTest::keyClick(field, Qt::Key_Return);
    });
    discard->trigger();
    CHECK_FALSE(window.findChild<ReferralEditor *>()); // closed; home again
    CHECK_FALSE(discard->isEnabled());
    CHECK(f->referrals().load(reference)->referral.status == ReferralStatus::Discarded);
    CHECK(unfinishedCallsFor(*f, norfolk(), Actor{QStringLiteral("priya")}).isEmpty());
    CHECK(f.rawValue(QStringLiteral("SELECT json_extract(payload, '$.reason') FROM audit WHERE kind = 'discarded'"))
          == QStringLiteral("started by mistake: a wrong key"));
}

TEST_CASE("Submission blocked: the cursor lands on the question itself, scrolled into view", "[issue18]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor editor(f->referrals(), norfolk(), draft, handler, f.clock);
    editor.resize(1000, 430); // a small window: the section does not fit
    editor.show();
    REQUIRE(QTest::qWaitForWindowActive(&editor));
    REQUIRE(editor.jumpTo(Field::referrerType.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // a member of the public
    REQUIRE(editor.jumpTo(Field::identityDecision.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End); // anonymous
    REQUIRE(editor.jumpTo(Field::referrerType.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // a professional: NOR-A2 now blocks
    REQUIRE(editor.jumpTo(Field::triageImmediateDanger.toString())); // somewhere else entirely

    QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
    auto *identity = editor.findChild<QWidget *>(QStringLiteral("question_%1").arg(idOf(Field::identityDecision.toString())));
    REQUIRE(identity);
    QWidget *focus = QApplication::focusWidget();
    REQUIRE(identity->isAncestorOf(focus)); // the question, not the Still to ask list
    QTest::qWait(20);                       // laid out and scrolled
    CHECK_FALSE(focus->visibleRegion().isEmpty());
    CHECK(focus->visibleRegion().boundingRect().height() == focus->height()); // wholly in view
}

TEST_CASE("After Ctrl+N the first question wears a visible focus ring", "[issue18]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor editor(f->referrals(), norfolk(), draft, handler, f.clock);
    editor.show();
    REQUIRE(QTest::qWaitForWindowActive(&editor));
    auto *yes = qobject_cast<QRadioButton *>(QApplication::focusWidget());
    REQUIRE(yes);
    const auto ringPixels = [](const QImage &image) {
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                count += image.pixelColor(x, y) == QColor(0xff, 0x9f, 0x1a);
        return count;
    };
    const QImage focused = yes->grab().toImage();
    QTest::keyClick(yes, Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget() != yes);
    const QImage unfocused = yes->grab().toImage();
    CHECK(focused.size() == unfocused.size()); // nothing moves as the cursor does
    CHECK(ringPixels(focused) > 2 * (focused.width() + focused.height()));
    CHECK(ringPixels(unfocused) == 0);
}
