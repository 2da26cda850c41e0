// What the procedure needs is shown where it is asked, in its own words and with its ID, as the call goes on:
// consent not sought by a professional (LIN-C3, NOR-C4), and the no-guarantee script for a caller who asks not to be
// named (NOR-A3).

#include <catch2/catch.hpp>

#include "showneditor.h"

#include "editor/questionwidget.h"
#include "referral/fields.h"
#include "rules/evaluator.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QCheckBox>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("LIN-C3 NOR-C4: consent not sought by a professional asks for the reasons and the manager's approval, in place")
{
    StoreFixture f;
    ShownEditor shown(f);
    ReferralEditor &editor = shown.editor;

    REQUIRE(editor.jumpTo(Field::referrerType.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // a professional
    REQUIRE(editor.jumpTo(Field::consentDecision.toString()));
    auto *factors = editor.questionWidget(Field::consentFactors.toString());
    auto *manager = editor.questionWidget(Field::consentManagerName.toString());
    auto *approvedAt = editor.questionWidget(Field::consentManagerApprovedAt.toString());
    REQUIRE((factors && manager && approvedAt));
    CHECK_FALSE(factors->isVisible()); // nothing to ask until the decision is "not sought"
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // agreed, refused, not sought
    REQUIRE(editor.referral().answer(Field::consentDecision).value() == QStringLiteral("notSought"));
    CHECK(factors->isVisible());
    CHECK(manager->isVisible());
    CHECK(approvedAt->isVisible());

    // The panel says in plain words what the procedure needs for this decision, beside the decision.
    auto *guidance = editor.findChild<QLabel *>(QStringLiteral("guidance_consent"));
    REQUIRE(guidance);
    CHECK(guidance->isVisible());
    CHECK(guidance->text().contains(QStringLiteral("NOR-C4")));
    CHECK(guidance->text().contains(QStringLiteral("manager")));
    CHECK(guidance->text().contains(QStringLiteral("reasons")));

    // A factor is a checkbox, ticked with Space; the manager's name and the time are typed.
    auto *firstFactor = factors->findChild<QCheckBox *>();
    REQUIRE(firstFactor);
    firstFactor->setFocus();
    QTest::keyClick(firstFactor, Qt::Key_Space);
    CHECK(editor.referral().answer(Field::consentFactors).isAddressed());
    REQUIRE(editor.jumpTo(Field::consentManagerName.toString()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Marguerite Invented"));
    CHECK(guidance->text().contains(QStringLiteral("NOR-C4"))); // the time is still missing
    REQUIRE(editor.jumpTo(Field::consentManagerApprovedAt.toString()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("24/11/2026 10:05"));
    const Findings findings = evaluate(editor.referral(), norfolk(), f.clock.now());
    CHECK_FALSE(has(findings, QStringLiteral("NOR-C4"), Severity::Blocking));
    CHECK_FALSE(has(findings, QStringLiteral("LIN-C3"), Severity::Blocking));
    CHECK_FALSE(guidance->text().contains(QStringLiteral("NOR-C4")));
}

TEST_CASE("NOR-A3: a member of the public asking not to be named sees the script, and the must stays until it is explained")
{
    StoreFixture f;
    ShownEditor shown(f);
    ReferralEditor &editor = shown.editor;

    REQUIRE(editor.jumpTo(Field::referrerType.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // a member of the public
    auto *script = editor.findChild<QLabel *>(QStringLiteral("prompt_noGuarantee"));
    auto *explained = editor.questionWidget(Field::identityConfidentialityExplained.toString());
    REQUIRE((script && explained));
    CHECK_FALSE(script->isVisible());
    CHECK_FALSE(explained->isVisible());

    REQUIRE(editor.jumpTo(Field::identityDecision.toString()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // named, but not to be told to the family
    REQUIRE(editor.referral().answer(Field::identityDecision).value() == QStringLiteral("notToFamily"));
    CHECK(script->isVisible());
    CHECK(script->text().contains(QStringLiteral("cannot promise confidentiality")));
    CHECK(explained->isVisible());
    CHECK(has(editor.findings(), QStringLiteral("NOR-A3"), Severity::Blocking));
    auto *panel = editor.findChild<QListWidget *>(QStringLiteral("stillToAskList"));
    CHECK(panel->item(0)->data(Qt::UserRole + 1).toString() == QStringLiteral("NOR-A3"));

    // Enter on the panel's first item goes to the question; Y records that it was explained.
    panel->setFocus();
    panel->setCurrentRow(0);
    QTest::keyClick(panel, Qt::Key_Return);
    CHECK(explained->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y);
    CHECK_FALSE(has(editor.findings(), QStringLiteral("NOR-A3"), Severity::Blocking));
}
