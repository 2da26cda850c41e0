// Issue 6: a whole referral taken by keystrokes only, for each front door — Ctrl+N on the real window, Tab from
// question to question, typing as a call-handler would, cards added with their shortcuts, Ctrl+PgDown between
// sections, Ctrl+Enter twice to submit — then the referral reopened from the store and every field compared.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/accessiblenames.h"
#include "support/keystrokecounter.h"
#include "support/referralbuilder.h"

#include "editor/questionwidget.h"
#include "editor/referraleditor.h"
#include "mainwindow.h"
#include "queue/queueview.h"
#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "review/reviewpage.h"
#include "rules/evaluator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// What a call-handler answers, by field: a choice with the arrow keys on the closed list (Down until it shows),
// a yes/no as Y or N. Everything not listed gets an ordinary answer for its type; a list not listed, its first.
struct Script
{
    QMap<QString, QString> choices; // field → option value
    QSet<QString> yes;             // yes/no fields answered Y (the rest: N)
};

Script scriptFor(bool urgent)
{
    Script script;
    script.choices = {
        {QStringLiteral("referrer.type"), QStringLiteral("professional")},
        {QStringLiteral("identity.decision"), QStringLiteral("mayBeShared")},
        {QStringLiteral("consent.decision"), QStringLiteral("agreed")},
        {QStringLiteral("concern.threshold"), QStringLiteral("significantHarm")},
        {QStringLiteral("gender"), QStringLiteral("male")},
        {QStringLiteral("relationship"), QStringLiteral("father")},
    };
    script.yes = {QStringLiteral("special.openCase")};
    if (urgent) // a child in immediate danger: the urgent banner, and what was done to make the child safe
        script.yes.insert(QStringLiteral("triage.immediateDanger"));
    return script;
}

// How many Down presses take a closed list from "— choose —" to `value`.
int downsTo(const Profile &profile, const Question &question, const QString &value)
{
    const OptionList *options = profile.optionList(question.options);
    REQUIRE(options);
    for (int i = 0; i < options->options.size(); ++i)
        if (options->options.at(i).value == value)
            return i + 1;
    FAIL("no option " << value.toStdString() << " in " << question.options.toStdString());
    return 0;
}

QString typedFor(const Question &question)
{
    switch (question.type) {
    case QuestionType::Date: return QStringLiteral("1 Feb 1990");
    case QuestionType::DateOrAge: return QStringLiteral("12/3/15");
    case QuestionType::DateTime: return QStringLiteral("24/11/2026 09:40");
    case QuestionType::Phone: return QStringLiteral("01603 223344");
    case QuestionType::Email: return QStringLiteral("invented.caller@example.org");
    case QuestionType::Postcode: return QStringLiteral("NR1 3DH");
    default: break;
    }
    if (question.field == QLatin1String("name"))
        return QStringLiteral("Ada Ünïcode-Invented");
    return QStringLiteral("Invented %1 — said by the caller").arg(question.id);
}

// Types as a keyboard does, letters outside ASCII included (QTest::keyClicks takes ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QuestionWidget *questionOf(QWidget *widget)
{
    for (QObject *o = widget; o; o = o->parent())
        if (auto *question = qobject_cast<QuestionWidget *>(o))
            return question;
    return nullptr;
}

bool inside(QWidget *widget, QWidget *area)
{
    return widget && (widget == area || area->isAncestorOf(widget));
}

// Answers what has the focus, as a handler would, and returns which question it was (empty: not a question).
QString answerFocused(const Profile &profile, const Script &script, QSet<QString> &done)
{
    QWidget *focus = QApplication::focusWidget();
    QuestionWidget *question = questionOf(focus);
    if (!question || done.contains(question->objectName()))
        return {};
    const Question &q = question->question();
    done.insert(question->objectName());
    if (qobject_cast<QComboBox *>(focus)) {
        const QString value = script.choices.value(q.field);
        for (int n = value.isEmpty() ? 1 : downsTo(profile, q, value); n > 0; --n)
            QTest::keyClick(focus, Qt::Key_Down);
        CHECK(question->answer().value() == (value.isEmpty() ? question->answer().value() : value));
    } else if (q.type == QuestionType::YesNo) {
        QTest::keyClick(focus, script.yes.contains(q.field) ? Qt::Key_Y : Qt::Key_N);
    } else if (qobject_cast<QAbstractButton *>(focus)) { // the first box of a multiple choice
        QTest::keyClick(focus, Qt::Key_Space);
    } else if (qobject_cast<QLineEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)) {
        typeText(focus, typedFor(q));
    }
    return question->objectName();
}

// Tabs through the current section, answering each question once, until the focus leaves the section.
int takeSection(QWidget *page, const Profile &profile, const Script &script, QSet<QString> &done,
                const std::function<void()> &afterEachAnswer)
{
    int answered = 0;
    for (int guard = 0; guard < 400; ++guard) {
        if (!answerFocused(profile, script, done).isEmpty()) {
            ++answered;
            afterEachAnswer();
        }
        if (qEnvironmentVariableIsSet("WHOLECALL_TRACE"))
            qInfo("focus: %s", qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QStringLiteral("(none)")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (!inside(QApplication::focusWidget(), page))
            return answered;
    }
    FAIL("the focus never left the section");
    return answered;
}

// The figures: keys pressed (moves, answers, commands) and characters typed, from Ctrl+N to submitted.
std::pair<int, int> takeWholeCall(const Profile &profile, bool urgent = false)
{
    StoreFixture f;
    MainWindow::Context context;
    context.databasePath = f.path;
    context.profileName = profile.name;
    context.newReferral = [&f, &profile](QWidget *parent) -> Result<ReferralEditor *> {
        Result<StoredReferral> draft = f->referrals().createDraft(profile, handler);
        if (!draft)
            return draft.error();
        return new ReferralEditor(f->referrals(), profile, *draft, handler, f.clock, parent);
    };
    MainWindow window(context);
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    const KeystrokeCounter counter;
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    auto *editor = window.findChild<ReferralEditor *>();
    REQUIRE(editor);
    // Cards for a second child and an adult, by their shortcuts; the cursor then goes back to the start.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(editor->referral().children.size() == 2);
    REQUIRE(editor->referral().adults.size() == 1);

    // After every answer, Still to ask lists exactly the core's blocking then outstanding findings, in its order.
    auto *panel = editor->findChild<QListWidget *>(QStringLiteral("stillToAskList"));
    REQUIRE(panel);
    int panelChecks = 0;
    const auto panelFollowsCore = [&] {
        const Findings core = evaluate(editor->referral(), profile, f.clock.now());
        QStringList expected;
        for (Severity severity : {Severity::Blocking, Severity::Outstanding})
            for (const Finding &finding : core)
                if (finding.severity == severity)
                    expected.append(finding.ruleId + u' ' + finding.path);
        QStringList shown;
        for (int i = 0; i < panel->count(); ++i)
            shown.append(panel->item(i)->data(Qt::UserRole + 1).toString() + u' ' + panel->item(i)->data(Qt::UserRole).toString());
        CHECK(shown == expected);
        ++panelChecks;
    };
    auto *pages = editor->findChild<QStackedWidget *>();
    REQUIRE(pages);
    const Script script = scriptFor(urgent);
    QSet<QString> done;
    int answered = 0;
    int sections = 0;
    REQUIRE(editor->jumpTo(QStringLiteral("triage.immediateDanger")));
    for (int previous = -1; pages->currentIndex() != previous; ++sections) {
        previous = pages->currentIndex();
        answered += takeSection(pages->currentWidget(), profile, script, done, panelFollowsCore);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    }
    INFO("sections walked: " << sections << ", questions answered: " << answered);
    CHECK(sections >= 10);
    CHECK(panelChecks == answered);
    CHECK(answered >= 40);
    // Tab reached every question the call asks: nothing is left in Still to ask.
    const Findings outstanding = withSeverity(editor->findings(), Severity::Outstanding);
    INFO("first outstanding: " << (outstanding.isEmpty() ? std::string() : outstanding.constFirst().path.toStdString()));
    CHECK(outstanding.isEmpty());

    // Ctrl+Enter: nothing blocks this call, so the summary, then Ctrl+Enter again submits it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    const Findings blocking = withSeverity(editor->findings(), Severity::Blocking);
    INFO("blocking: " << (blocking.isEmpty() ? std::string() : QString(blocking.constFirst().ruleId + u' ' + blocking.constFirst().message).toStdString()));
    REQUIRE(blocking.isEmpty());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(editor->isSubmitted());
    const std::pair<int, int> keystrokes{counter.keys(), counter.typed()};
    CHECK(Facts::isUrgent(editor->referral()) == urgent);

    const Referral taken = editor->referral();
    const StoredReferral stored = f->referrals().load(taken.reference).value();
    CHECK(stored.referral.status == ReferralStatus::Submitted);
    CHECK(stored.referral.answers == taken.answers);
    CHECK(stored.referral.children == taken.children);
    CHECK(stored.referral.adults == taken.adults);
    // What was typed is what was stored, parsed where the field is a date.
    CHECK(stored.referral.children.at(0).answer(Field::personDateOfBirth).value() == QStringLiteral("2015-03-12"));
    CHECK(stored.referral.children.at(1).answer(Field::personName).value() == QStringLiteral("Ada Ünïcode-Invented"));
    CHECK(stored.referral.answer(Field::referrerType).value() == QStringLiteral("professional"));

    // Reopened in a fresh editor, every answered field shows what was recorded.
    ReferralEditor reopened(f->referrals(), profile, stored, handler, f.clock);
    int compared = 0;
    const auto compare = [&](const QString &path, const Answer &answer) {
        QuestionWidget *widget = reopened.questionWidget(path);
        if (!widget)
            return; // recorded by the store (e.g. the link of a known child) without a question of its own
        INFO(path.toStdString());
        CHECK(widget->answer() == answer);
        ++compared;
    };
    for (auto it = stored.referral.answers.cbegin(); it != stored.referral.answers.cend(); ++it)
        compare(it.key(), it.value());
    for (const Person &child : stored.referral.children)
        for (auto it = child.answers.cbegin(); it != child.answers.cend(); ++it)
            compare(QStringLiteral("children[%1].%2").arg(child.id, it.key()), it.value());
    for (const Person &adult : stored.referral.adults)
        for (auto it = adult.answers.cbegin(); it != adult.answers.cend(); ++it)
            compare(QStringLiteral("adults[%1].%2").arg(adult.id, it.key()), it.value());
    CHECK(compared >= answered);
    CHECK(reopened.isSubmitted());
    // A submitted record is read, not edited: no question takes input, but every section still scrolls.
    CHECK_FALSE(reopened.questionWidget(Field::referrerName.toString())->isEnabledTo(&reopened));
    for (QScrollArea *section : reopened.findChildren<QScrollArea *>())
        CHECK(section->verticalScrollBar()->isEnabledTo(&reopened));
    return keystrokes;
}

} // namespace

TEST_CASE("ALL-G1 NOR-G0: a whole Norfolk CADS referral by keystrokes only, submitted, reopened field for field")
{
    const auto [keys, typed] = takeWholeCall(norfolk());
    // Issue 18's figures (run with -s to read them): every key counted, and a call is not a keyboard marathon.
    CHECK(keys > 40);
    CHECK(keys < 1000);
    CHECK(typed > 0);
}

TEST_CASE("ALL-G1 NOR-S5: a whole urgent Norfolk CADS referral by keystrokes only, counted", "[issue18]")
{
    const auto [keys, typed] = takeWholeCall(norfolk(), true);
    CHECK(keys > 40);
    CHECK(keys < 1000);
    CHECK(typed > 0);
}

TEST_CASE("ALL-G1 LIN-T2: a whole Lincolnshire CSC referral by keystrokes only, submitted, reopened field for field")
{
    takeWholeCall(lincolnshire());
}

TEST_CASE("Every input a call-handler can reach has a name a screen reader reads out")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    ReferralEditor editor(f->referrals(), norfolk(), draft, handler, f.clock);
    editor.setMatchFinder([](const QString &, const QString &) { return QList<PossibleMatch>(); });
    editor.setDraftStarter([&f] { return f->referrals().createDraft(norfolk(), handler); });
    editor.addPerson(Repeat::PerChild);
    editor.addPerson(Repeat::PerAdult);
    editor.show();
    REQUIRE(QTest::qWaitForWindowExposed(&editor));

    CHECK(namedInputs(editor) > 100);

    // The supervisor's review and queue, too.
    StoredReferral submitted = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->referrals().submit(submitted.referral.reference, submitted.revision, handler, norfolk()));
    ReviewPage review(f->referrals(), norfolk(), f->referrals().open(submitted.referral.reference, supervisor).value(),
                      supervisor, f.clock, {}, {});
    review.show();
    REQUIRE(QTest::qWaitForWindowExposed(&review));
    CHECK(namedInputs(review) > 15);
    QueueView queue([&f](const ReferralFilter &filter) { return f->queries().list(filter, supervisor); }, {},
                    supervisor.userId, f.clock);
    queue.show();
    REQUIRE(QTest::qWaitForWindowExposed(&queue));
    CHECK(namedInputs(queue) >= 3);
}
