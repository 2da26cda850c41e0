// Issue 6: one question as the call-handler meets it — dates as people say them, phone numbers and postcodes
// checked as typed with the message beside the field, and one-key "Not known" / "Declined" (NOR-G0).

#include <catch2/catch.hpp>

#include "support/referralbuilder.h"

#include "editor/questionwidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const Question &questionFor(const QString &field, Repeat repeat = Repeat::None)
{
    const Question *question = norfolk().questionForField(field, repeat);
    REQUIRE(question);
    return *question;
}

struct Shown
{
    explicit Shown(const Question &question) : widget(question, norfolk(), testNow().date())
    {
        widget.show();
        REQUIRE(QTest::qWaitForWindowExposed(&widget));
    }
    QLineEdit *line() { return widget.findChild<QLineEdit *>(widget.objectName() + QStringLiteral("_value")); }
    QString check() { return widget.findChild<QLabel *>(widget.objectName() + QStringLiteral("_check"))->text(); }
    QuestionWidget widget;
};

} // namespace

TEST_CASE("A date of birth is typed as people say it and shown back parsed, an impossible one is explained")
{
    Shown shown(questionFor(QStringLiteral("dateOfBirth"), Repeat::PerChild));
    QSignalSpy changed(&shown.widget, &QuestionWidget::answerChanged);
    QLineEdit *line = shown.line();
    REQUIRE(line);
    QTest::keyClicks(line, QStringLiteral("12/3/15"));
    CHECK(shown.widget.answer().value() == QStringLiteral("2015-03-12"));
    CHECK(shown.check() == QStringLiteral("✓ 12 Mar 2015"));
    CHECK(changed.size() == 7); // one per keystroke; the AutoSaver turns them into one save

    line->clear();
    QTest::keyClicks(line, QStringLiteral("about 7"));
    CHECK(shown.widget.answer().value() == QStringLiteral("age:7y"));

    line->clear();
    QTest::keyClicks(line, QStringLiteral("30/02/2015"));
    CHECK(shown.check().startsWith(QStringLiteral("⚠ ")));
    CHECK(shown.widget.answer().value() == QStringLiteral("30/02/2015")); // kept as typed: nothing is lost
}

TEST_CASE("A phone number is checked as typed, with the message beside the field")
{
    Shown shown(questionFor(QStringLiteral("referrer.phone")));
    QTest::keyClicks(shown.line(), QStringLiteral("0344 800 8021"));
    CHECK(shown.widget.answer().value() == QStringLiteral("+443448008021"));
    CHECK(shown.check() == QStringLiteral("✓ 0344 800 8021"));
    shown.line()->clear();
    QTest::keyClicks(shown.line(), QStringLiteral("12345"));
    CHECK(shown.check().startsWith(QStringLiteral("⚠ ")));
}

TEST_CASE("F7 and F8 record Not known and Declined in one keystroke")
{
    Shown shown(questionFor(QStringLiteral("referrer.name")));
    QSignalSpy changed(&shown.widget, &QuestionWidget::answerChanged);
    shown.widget.focusEditor();
    QTest::keyClick(shown.line(), Qt::Key_F7);
    CHECK(shown.widget.answer().state() == AnswerState::NotKnown);
    CHECK(shown.widget.answer().isAddressed());
    QTest::keyClick(shown.line(), Qt::Key_F8);
    CHECK(shown.widget.answer().state() == AnswerState::Declined);
    CHECK(changed.size() == 2);
}

TEST_CASE("A yes/no question is answered from the keyboard, and shows an answer it is given")
{
    Shown shown(questionFor(QStringLiteral("triage.immediateDanger")));
    auto *yes = shown.widget.findChild<QRadioButton *>(shown.widget.objectName() + QStringLiteral("_value_yes"));
    REQUIRE(yes);
    shown.widget.focusEditor();
    QTest::keyClick(yes, Qt::Key_Space);
    CHECK(shown.widget.answer().value() == QStringLiteral("yes"));
    shown.widget.setAnswer(Answer());
    CHECK_FALSE(yes->isChecked());
    shown.widget.setAnswer(Answer::given(QStringLiteral("no")));
    CHECK(shown.widget.findChild<QRadioButton *>(shown.widget.objectName() + QStringLiteral("_value_no"))->isChecked());
}
