// Issue 7: a supervisor reviews and decides by keyboard — the queue filtered to overdue, Enter on the case, an
// outcome and reasons for each child (no further action with the alternatives offered), the feedback to the
// referrer, then Ctrl+Enter and the password again: the decision is signed, timed and in the history.

#include <catch2/catch.hpp>

#include "reviewfixture.h"
#include "storefixture.h"
#include "support/keystrokecounter.h"
#include "support/referralbuilder.h"

#include "access/passwordhasher.h"
#include "mainwindow.h"
#include "editor/sectionpage.h"
#include "profile/profileshelf.h"
#include "session/windowcontext.h"
#include "queue/queueview.h"
#include "referral/fields.h"
#include "review/historytext.h"
#include "review/reviewpage.h"
#include "store/accounts.h"
#include "store/audittrail.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTabWidget>
#include <QScrollBar>
#include <QScrollArea>
#include <QTimer>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// The review of `reference` by the fixture's supervisor, on screen (no signing, no history).
std::unique_ptr<ReviewPage> shownReview(StoreFixture &f, const QString &reference)
{
    auto review = std::make_unique<ReviewPage>(f->referrals(), norfolk(), f->referrals().open(reference, supervisor).value(),
                                               supervisor, f.clock, ReviewPage::Signer{}, ReviewPage::History{});
    review->show();
    REQUIRE(QTest::qWaitForWindowExposed(review.get()));
    return review;
}

// Answers the dialog that asks (the password, or a note) the way a person would, as soon as it is up.

} // namespace

TEST_CASE("NOR-O1 ALL-T6 NOR-D2: a supervisor filters to overdue, records an outcome per child and the feedback, and signs")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheapHashing);
    const Actor sup = firstSupervisor(accounts, QStringLiteral("sup"), password);
    const QString reference = submittedWithTwoChildren(f);
    f.clock.set(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC)); // a working day past its decision time

    MainWindow::Context context;
    context.databasePath = f.path;
    context.profileName = norfolk().name;
    context.queuePages = [&f, &sup](const ReferralFilter &filter) { return f->queries().list(filter, sup); };
    context.userId = sup.userId;
    context.clock = &f.clock;
    context.openReferral = [&](const QString &ref, QWidget *parent) -> Result<ReferralPage> {
        Result<StoredReferral> opened = f->referrals().open(ref, sup);
        if (!opened)
            return opened.error();
        return ReferralPage(new ReviewPage(
            f->referrals(),
            norfolk(),
            *opened,
            sup,
            f.clock,
            [&](const QString &typed) { return accounts.sign(sup, typed); },
            [&](const QString &r) {
                QStringList lines;
                const QList<AuditEvent> events = AuditTrail::forReferral(f->database(), r).value();
                for (const AuditEvent &event : events)
                    lines.append(historyLines(event, norfolk()));
                return lines;
            },
            parent));
    };
    MainWindow window(context);
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // The queue, filtered to overdue with the keyboard; Enter opens the case.
    const KeystrokeCounter counter; // issue 18: what a whole review takes, from the queue to the signature
    auto *show = window.findChild<QComboBox *>(QStringLiteral("queueShow"));
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Down);
    REQUIRE(show->currentText() == QStringLiteral("Overdue"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
    REQUIRE(table->model()->rowCount() == 1);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    auto *review = window.findChild<ReviewPage *>();
    REQUIRE(review);
    CHECK(review->referral().reference == reference);
    auto *musts = review->findChild<QListWidget *>(QStringLiteral("decisionMusts"));
    INFO("first must: " << musts->item(0)->text().toStdString());
    CHECK(musts->item(0)->text().contains(QStringLiteral("NOR-O1")));

    // Child 1: a social work assessment, with the reasons.
    auto *first = review->findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    REQUIRE(first);
    first->setFocus();
    QTest::keyClick(first, Qt::Key_Down);
    QTest::keyClick(first, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Injury explained inconsistently; assess."));
    // Child 2: no further action, which needs the alternatives offered.
    auto *second = review->findChild<QComboBox *>(QStringLiteral("outcome_c2"));
    second->setFocus();
    QTest::keyClick(second, Qt::Key_End);
    REQUIRE(second->currentData().toString() == QStringLiteral("noFurtherAction"));
    auto *advice = review->findChild<QCheckBox *>(QStringLiteral("alternative_c2_advice"));
    REQUIRE(advice);
    CHECK(advice->isVisible());
    advice->setFocus();
    QTest::keyClick(advice, Qt::Key_Space);
    auto *why = review->findChild<QPlainTextEdit *>(QStringLiteral("outcomeRationale_c2"));
    why->setFocus();
    QTest::keyClicks(why, QStringLiteral("No concerns for Bryn; advice to the family."));
    auto *recordDecision = review->findChild<QPushButton *>(QStringLiteral("recordDecision"));
    recordDecision->setFocus();
    QTest::keyClick(recordDecision, Qt::Key_Space);
    REQUIRE(review->referral().outcomes.size() == 2);
    CHECK(review->referral().outcomeFor(QStringLiteral("c2"))->alternatives == QStringList{QStringLiteral("advice")});

    // The feedback to the referrer.
    auto *method = review->findChild<QComboBox *>(QStringLiteral("feedbackMethod"));
    method->setFocus();
    QTest::keyClick(method, Qt::Key_Down); // by phone
    auto *told = review->findChild<QPlainTextEdit *>(QStringLiteral("feedbackSummary"));
    told->setFocus();
    QTest::keyClicks(told, QStringLiteral("Told the school: assessment for Olwen, advice for the family."));
    auto *recordFeedback = review->findChild<QPushButton *>(QStringLiteral("recordFeedback"));
    recordFeedback->setFocus();
    QTest::keyClick(recordFeedback, Qt::Key_Space);
    REQUIRE(review->referral().feedback.size() == 1);
    CHECK(review->referral().feedback.at(0).method == QStringLiteral("phone"));

    // Ctrl+Enter, the password again: signed.
    answerDialogWhenAsked(password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    const StoredReferral stored = f->referrals().load(reference).value();
    INFO("bar: " << review->findChild<QLabel *>(QStringLiteral("reviewBar"))->text().toStdString());
    CHECK(stored.referral.status == ReferralStatus::Decided);
    CHECK(counter.keys() < 60); // run with -s to read the figures
    CHECK(counter.typed() > 0);
    CHECK(stored.referral.outcomeFor(QStringLiteral("c1"))->decidedBy == sup.userId);
    // Signing meets the decision's own follow-up action, and the recorded feedback meets the feedback's.
    for (const FollowUpAction &action : stored.referral.actions) {
        INFO(action.kind.toStdString());
        if (action.kind == QLatin1String("decision") || action.kind == QLatin1String("feedback")) {
            CHECK(action.status == ActionStatus::Done);
            CHECK(action.completedBy == sup.userId);
        }
    }
    const QList<AuditEvent> trail = AuditTrail::forReferral(f->database(), reference).value();
    CHECK(std::any_of(trail.begin(), trail.end(), [&](const AuditEvent &e) {
        return e.kind == auditKindName(AuditKind::Signed) && e.user == sup.userId
               && e.payload.value(QStringLiteral("what")).toString() == QStringLiteral("decision");
    }));
    auto *history = review->findChild<QListWidget *>(QStringLiteral("reviewHistory"));
    REQUIRE(history->count() > 3);
    CHECK(history->item(history->count() - 1)->text().contains(QStringLiteral("changed the status to decided")));
    CHECK(review->findChild<QLabel *>(QStringLiteral("reviewBar"))->text().contains(QStringLiteral("Decision signed")));
    // Issue 18: the record's header says what it is now.
    CHECK(review->findChild<QLabel *>(QStringLiteral("saveState"))->text() == QStringLiteral("Decided — a record"));
}

TEST_CASE("NOR-D2: a wrong password signs nothing, and a broken must is named before the password is asked")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheapHashing);
    const Actor sup = firstSupervisor(accounts, QStringLiteral("sup"), password);
    const QString reference = submittedWithTwoChildren(f);
    ReviewPage review(f->referrals(), norfolk(), f->referrals().open(reference, sup).value(), sup, f.clock,
                      [&](const QString &typed) { return accounts.sign(sup, typed); }, {});
    auto *bar = review.findChild<QLabel *>(QStringLiteral("reviewBar"));
    CHECK_FALSE(review.signDecision(password)); // no outcomes yet
    CHECK(bar->text().contains(QStringLiteral("not met")));
    // Issue 18: real plurals, never "requirement(s)".
    CHECK(bar->text().contains(QStringLiteral("2 requirements of the procedure are not met")));
    auto *musts = review.findChild<QListWidget *>(QStringLiteral("decisionMusts"));
    for (int i = 0; i < musts->count(); ++i)
        CHECK_FALSE(musts->item(i)->text().contains(QStringLiteral("(s)")));

    Referral decided = review.referral();
    decided.outcomes = {ChildOutcome{QStringLiteral("c1"), QStringLiteral("earlyHelp"), QStringLiteral("Reasons"), {}, sup.userId, f.clock.now()},
                        ChildOutcome{QStringLiteral("c2"), QStringLiteral("earlyHelp"), QStringLiteral("Reasons"), {}, sup.userId, f.clock.now()}};
    REQUIRE(review.record(decided, QStringLiteral("decision recorded")));
    CHECK_FALSE(review.signDecision(QStringLiteral("not my password")));
    CHECK(f->referrals().load(reference)->referral.status == ReferralStatus::Submitted);
    CHECK(review.signDecision(password));
    CHECK(f->referrals().load(reference)->referral.status == ReferralStatus::Decided);
}

TEST_CASE("LIN-T3: the review lists earlier referrals about each child, ranked, and Enter opens one")
{
    StoreFixture f;
    QString earlier;
    {
        StoredReferral old = f->referrals().createDraft(norfolk(), otherHandler).value();
        Referral r = old.referral;
        r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Olwen Invented")));
        REQUIRE(f->referrals().save(r, old.revision, otherHandler));
        earlier = r.reference;
    }
    const QString reference = submittedWithTwoChildren(f);
    ReviewPage review(f->referrals(), norfolk(), f->referrals().open(reference, supervisor).value(), supervisor,
                      f.clock, {}, {});
    review.setMatchFinder([&f, &reference](const QString &name, const QString &birth) {
        return f->queries().possibleMatches(name, birth, testNow().date(), reference).value();
    });
    review.show();
    REQUIRE(QTest::qWaitForWindowExposed(&review));
    auto *list = review.findChild<QListWidget *>(QStringLiteral("reviewKnownChild"));
    REQUIRE(list);
    int row = -1;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == earlier)
            row = i;
    REQUIRE(row > 0);
    CHECK(list->item(0)->text().contains(QStringLiteral("Olwen Invented")));
    CHECK(list->item(row)->text().contains(QStringLiteral("same name")));
    QSignalSpy open(&review, &ReviewPage::openRequested);
    list->setFocus();
    list->setCurrentRow(row);
    QTest::keyClick(list, Qt::Key_Return);
    REQUIRE(open.size() == 1);
    CHECK(open.at(0).at(0).toString() == earlier);
}

TEST_CASE("LIN-I1 NOR-C4: a sharing decision with its reasons, and the approval of the consent decision, are recorded")
{
    StoreFixture f;
    const QString reference = submittedWithTwoChildren(f);
    std::unique_ptr<ReviewPage> shown = shownReview(f, reference);
    ReviewPage &review = *shown;

    auto *share = review.findChild<QComboBox *>(QStringLiteral("sharingShare"));
    REQUIRE(share);
    share->setFocus();
    QTest::keyClick(share, Qt::Key_Down); // do not share
    const auto type = [&review](const char *name, const QString &text) {
        auto *field = review.findChild<QWidget *>(QString::fromLatin1(name));
        REQUIRE(field);
        field->setFocus();
        QTest::keyClicks(field, text);
    };
    type("sharingWhat", QStringLiteral("The caller's name"));
    type("sharingRecipient", QStringLiteral("The family"));
    type("sharingReasons", QStringLiteral("The caller asked not to be named to the family (NOR-A1)."));
    type("sharingDecidedBy", QStringLiteral("Sam Supervisor, CADS consultant"));
    auto *recordSharing = review.findChild<QPushButton *>(QStringLiteral("recordSharing"));
    recordSharing->setFocus();
    QTest::keyClick(recordSharing, Qt::Key_Space);
    REQUIRE(review.referral().sharingDecisions.size() == 1);
    const SharingDecision &decision = review.referral().sharingDecisions.constFirst();
    CHECK_FALSE(decision.share);
    CHECK(decision.reasons.contains(QStringLiteral("NOR-A1")));
    CHECK(review.findChild<QLineEdit *>(QStringLiteral("sharingWhat"))->text().isEmpty()); // the form empties

    auto *approve = review.findChild<QCheckBox *>(QStringLiteral("consentApproved"));
    REQUIRE(approve);
    approve->setFocus();
    QTest::keyClick(approve, Qt::Key_Space);
    type("consentApprovalNote", QStringLiteral("Agreed: asking would not have put the child at risk."));
    auto *recordDecision = review.findChild<QPushButton *>(QStringLiteral("recordDecision"));
    recordDecision->setFocus();
    QTest::keyClick(recordDecision, Qt::Key_Space);
    const StoredReferral stored = f->referrals().load(reference).value();
    CHECK(stored.referral.answer(Field::decisionConsentApproved).value() == QStringLiteral("yes"));
    CHECK(stored.referral.sharingDecisions.size() == 1);
}

TEST_CASE("NOR-R6: the referring agency's disagreement is recorded as its own record and listed")
{
    StoreFixture f;
    const QString reference = submittedWithTwoChildren(f);
    std::unique_ptr<ReviewPage> shown = shownReview(f, reference);
    ReviewPage &review = *shown;
    for (const auto &[name, text] : {std::pair{"disagreementAgency", "Invented Primary School"},
                                     std::pair{"disagreementAbout", "They expected a social work assessment."},
                                     std::pair{"disagreementDiscussedWith", "The team manager"}}) {
        auto *field = review.findChild<QWidget *>(QString::fromLatin1(name));
        REQUIRE(field);
        field->setFocus();
        QTest::keyClicks(field, QString::fromLatin1(text));
    }
    auto *record = review.findChild<QPushButton *>(QStringLiteral("recordDisagreement"));
    record->setFocus();
    QTest::keyClick(record, Qt::Key_Space);
    const StoredReferral stored = f->referrals().load(reference).value();
    REQUIRE(stored.referral.disagreements.size() == 1);
    CHECK(stored.referral.disagreements.at(0).agency == QStringLiteral("Invented Primary School"));
    CHECK(stored.referral.disagreements.at(0).recordedBy == supervisor.userId);
    auto *listed = review.findChild<QListWidget *>(QStringLiteral("disagreementsRecorded"));
    CHECK(listed->item(0)->text().contains(QStringLiteral("Invented Primary School")));
}

TEST_CASE("ALL-T8: a follow-up action is marked done from the review with a note, and overdue ones say so")
{
    StoreFixture f;
    const QString reference = submittedWithTwoChildren(f);
    f.clock.set(testNow().addDays(5));
    std::unique_ptr<ReviewPage> shown = shownReview(f, reference);
    ReviewPage &review = *shown;
    auto *actions = review.findChild<QListWidget *>(QStringLiteral("reviewActions"));
    REQUIRE(actions);
    REQUIRE(actions->count() >= 2);
    CHECK(actions->item(0)->text().startsWith(QStringLiteral("OVERDUE")));
    const QString id = actions->item(0)->data(Qt::UserRole).toString();

    answerDialogWhenAsked(QStringLiteral("Decision made by phone with the team manager"), QLineEdit::Normal);
    actions->setFocus();
    actions->setCurrentRow(0);
    QTest::keyClick(actions, Qt::Key_Return);
    const StoredReferral stored = f->referrals().load(reference).value();
    const auto action = std::find_if(stored.referral.actions.cbegin(), stored.referral.actions.cend(),
                                     [&id](const FollowUpAction &a) { return a.id == id; });
    REQUIRE(action != stored.referral.actions.cend());
    CHECK(action->status == ActionStatus::Done);
    CHECK(action->note == QStringLiteral("Decision made by phone with the team manager"));
    CHECK(action->completedBy == supervisor.userId);
    CHECK(actions->item(0)->text().startsWith(QStringLiteral("Done")));
}

TEST_CASE("The history reads as sentences: who recorded what, old and new, with the reason")
{
    AuditEvent event;
    event.at = QDateTime(QDate(2026, 11, 24), QTime(14, 3), Qt::UTC);
    event.user = QStringLiteral("sam");
    event.kind = auditKindName(AuditKind::Amended);
    event.payload = {{QStringLiteral("path"), QStringLiteral("outcomes[c1]")},
                     {QStringLiteral("from"), QJsonValue()},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("childId"), QStringLiteral("c1")},
                                                        {QStringLiteral("outcome"), QStringLiteral("earlyHelp")}}},
                     {QStringLiteral("reason"), QStringLiteral("decision recorded")}};
    const QString line = historyLine(event, norfolk());
    INFO(line.toStdString());
    CHECK(line.startsWith(QStringLiteral("24 Nov 14:03 — sam — amended the outcome for child 1: (none) → ")));
    CHECK(line.contains(norfolk().optionList(norfolk().outcomeList)->find(QStringLiteral("earlyHelp"))->label));
    CHECK(line.endsWith(QStringLiteral("— reason: decision recorded")));

    event.kind = auditKindName(AuditKind::FieldChanged);
    event.payload = {{QStringLiteral("path"), QStringLiteral("consent.decision")},
                     {QStringLiteral("from"), QJsonValue()},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("value"), QStringLiteral("refused")}}}};
    CHECK(historyLine(event, norfolk()).contains(QStringLiteral("recorded Do the parents know about this referral, and do they agree?: (none) → The parent refused")));

    // Issue 18: an estimated age reads as words, not as it is stored.
    event.payload = {{QStringLiteral("path"), QStringLiteral("children[c1].dateOfBirth")},
                     {QStringLiteral("from"), QJsonValue()},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("value"), QStringLiteral("age:4y")}}}};
    CHECK(historyLine(event, norfolk()).contains(QStringLiteral("→ about 4 years old")));
    CHECK_FALSE(historyLine(event, norfolk()).contains(QStringLiteral("age:4y")));

    // A supervisor's record on the review is said as what it records, not as an amendment of the call.
    event.kind = auditKindName(AuditKind::DecisionRecorded);
    event.payload = {{QStringLiteral("path"), QStringLiteral("outcomes[c1]")},
                     {QStringLiteral("from"), QJsonValue()},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("childId"), QStringLiteral("c1")},
                                                        {QStringLiteral("outcome"), QStringLiteral("earlyHelp")}}},
                     {QStringLiteral("what"), QStringLiteral("decision recorded")}};
    CHECK(historyLine(event, norfolk())
          == QStringLiteral("24 Nov 14:03 — sam — decision recorded — the outcome for child 1: ")
                 + norfolk().optionList(norfolk().outcomeList)->find(QStringLiteral("earlyHelp"))->label);
    event.payload = {{QStringLiteral("path"), QStringLiteral("conversations[d1]")},
                     {QStringLiteral("from"), QJsonValue()},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("with"), QStringLiteral("police")}}},
                     {QStringLiteral("what"), QStringLiteral("discussion recorded (NOR-L1, NOR-D1)")}};
    CHECK(historyLine(event, norfolk())
          == QStringLiteral("24 Nov 14:03 — sam — discussion recorded (NOR-L1, NOR-D1) — a discussion"));

    // Issue 21: a save of several items is one event in the trail, and reads as one line per item, each from → to.
    event.kind = auditKindName(AuditKind::FieldsChanged);
    event.payload = {{QStringLiteral("to"),
                      QJsonObject{{QStringLiteral("consent.decision"),
                                   QJsonObject{{QStringLiteral("value"), QStringLiteral("refused")}}},
                                  {QStringLiteral("children[c1].dateOfBirth"),
                                   QJsonObject{{QStringLiteral("value"), QStringLiteral("age:4y")}}}}},
                     {QStringLiteral("from"),
                      QJsonObject{{QStringLiteral("children[c1].dateOfBirth"),
                                   QJsonObject{{QStringLiteral("value"), QStringLiteral("age:3y")}}}}},
                     {QStringLiteral("state"), QStringLiteral("0123")}};
    const QStringList lines = historyLines(event, norfolk());
    INFO(lines.join(u'\n').toStdString());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]
          == QStringLiteral("24 Nov 14:03 — sam — recorded child 1: ")
                 + norfolk().questionForField(QStringLiteral("dateOfBirth"), Repeat::PerChild)->label
                 + QStringLiteral(": about 3 years old → about 4 years old"));
    CHECK(lines[1].endsWith(QStringLiteral("recorded Do the parents know about this referral, and do they agree?: "
                                           "(none) → The parent refused")));
    event.kind = auditKindName(AuditKind::Viewed);
    CHECK(historyLines(event, norfolk()) == QStringList{historyLine(event, norfolk())});
}

TEST_CASE("Recording a discussion does not wipe a decision still being made on screen")
{
    StoreFixture f;
    const QString reference = submittedWithTwoChildren(f);
    std::unique_ptr<ReviewPage> shown = shownReview(f, reference);
    ReviewPage &review = *shown;
    auto *outcome = review.findChild<QComboBox *>(QStringLiteral("outcome_c1"));
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);
    auto *why = review.findChild<QPlainTextEdit *>(QStringLiteral("outcomeRationale_c1"));
    why->setFocus();
    QTest::keyClicks(why, QStringLiteral("Half-written reasons"));
    const int chosen = outcome->currentIndex();

    auto *said = review.findChild<QPlainTextEdit *>(QStringLiteral("discussionSaid"));
    said->setFocus();
    QTest::keyClicks(said, QStringLiteral("Police say no record."));
    auto *record = review.findChild<QPushButton *>(QStringLiteral("recordDiscussion"));
    record->setFocus();
    QTest::keyClick(record, Qt::Key_Space);
    REQUIRE(review.referral().conversations.size() == 1);
    CHECK(outcome->currentIndex() == chosen);
    CHECK(why->toPlainText() == QStringLiteral("Half-written reasons"));
}

