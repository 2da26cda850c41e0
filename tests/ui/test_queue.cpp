// Issue 7: the supervisor's queue — a paged table model over the real store, urgent first then by next due, the
// due state in words, the filters and the search, driven by keyboard in the real view.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/accessiblenames.h"
#include "support/dialogkeys.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "documents/queuecsv.h"
#include "documents/queueexport.h"
#include "editor/referraleditor.h"
#include "mainwindow.h"
#include "queue/queueexportdialog.h"
#include "queue/queuemodel.h"
#include "queue/queueview.h"
#include "referral/fields.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// `count` referrals: every seventh urgent, every third left a draft, the rest submitted (so with due times).
void fill(StoreFixture &f, int count)
{
    for (int i = 0; i < count; ++i) {
        StoredReferral draft = f->referrals().createDraft(norfolk(), i % 2 ? handler : otherHandler).value();
        Referral r = draft.referral;
        r.children[0].answers.insert(QStringLiteral("name"),
                                     Answer::given(i == 42 ? QStringLiteral("Perpetua Inventeddottir")
                                                           : QStringLiteral("Invented Child %1").arg(i)));
        if (i % 7 == 0) {
            r.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
            r.setAnswer(Field::triageDangerAction, Answer::givenMany({QStringLiteral("policeCalled")}));
            r.setAnswer(Field::triageOtherChildren, Answer::given(QStringLiteral("No other children at home")));
        }
        const qint64 revision = f->referrals().save(r, draft.revision, i % 2 ? handler : otherHandler)->revision;
        if (i % 3 != 0)
            REQUIRE(f->referrals().submit(r.reference, revision, i % 2 ? handler : otherHandler, norfolk()));
    }
}

QueueModel::PageReader readerFor(StoreFixture &f)
{
    return [&f](const ReferralFilter &filter) { return f->queries().list(filter, supervisor); };
}

} // namespace

TEST_CASE("The queue is a paged table model, urgent first then by next due, and passes Qt's model tester")
{
    StoreFixture f;
    fill(f, 450);
    QueueModel model(readerFor(f), f.clock);
    CHECK(model.columnCount() == QueueModel::ColumnCount);
    CHECK(model.rowCount() == QueueModel::pageSize); // the first page only
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 2 * QueueModel::pageSize);

    // The tester checks the model's contract, fetching the rest as a view would.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    while (model.canFetchMore({}))
        model.fetchMore({});
    CHECK(model.rowCount() == 450);
    model.setFilter(ReferralFilter{}); // a reset, under the tester's eye
    CHECK(model.rowCount() == QueueModel::pageSize);

    // Urgent first, then by next due time, those with none last.
    bool seenNotUrgent = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ReferralSummary &r = model.summary(row);
        if (!r.urgent)
            seenNotUrgent = true;
        else
            CHECK_FALSE(seenNotUrgent);
    }
    CHECK(model.data(model.index(0, QueueModel::Urgency)).toString() == QStringLiteral("URGENT"));
    CHECK(model.headerData(QueueModel::NextDue, Qt::Horizontal).toString() == QStringLiteral("Next due"));
}

TEST_CASE("NOR-T4: the due state is said in words — due today, due later, OVERDUE — not in colour alone")
{
    StoreFixture f;
    fill(f, 3); // #1 and #2 submitted on Tuesday 24 November 10:30: due by the end of Wednesday 25th
    QueueModel model(readerFor(f), f.clock);
    const auto dueTextOf = [&model](int row) { return model.data(model.index(row, QueueModel::NextDue)).toString(); };
    int submitted = -1;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.summary(row).status == ReferralStatus::Submitted)
            submitted = row;
    REQUIRE(submitted >= 0);
    CHECK(dueTextOf(submitted).startsWith(QStringLiteral("Due Wed 25 Nov")));
    CHECK(model.dueState(model.summary(submitted)) == QueueModel::DueState::DueLater);

    f.clock.set(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    CHECK(dueTextOf(submitted) == QStringLiteral("Due today 23:59"));
    f.clock.set(QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC));
    CHECK(dueTextOf(submitted).startsWith(QStringLiteral("OVERDUE")));
    CHECK(model.data(model.index(submitted, QueueModel::NextDue), Qt::ForegroundRole).isValid());
}

TEST_CASE("The queue view filters by keyboard — urgent, overdue, awaiting decision, drafts, mine — and searches")
{
    StoreFixture f;
    fill(f, 60);
    f.clock.set(QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC)); // everything submitted is now overdue
    QueueView view(readerFor(f),
                   [&f](const QString &text) { return f->queries().search(text, supervisor); },
                   handler.userId, f.clock);
    view.resize(1366, 700);
    view.show();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    QueueModel &model = view.model();
    auto *show = view.findChild<QComboBox *>(QStringLiteral("queueShow"));
    REQUIRE(show);

    const auto count = [&f](ReferralFilter filter) { return f->queries().count(filter, supervisor).value(); };
    ReferralFilter urgent;
    urgent.urgent = true;
    CHECK(model.rowCount() == count(urgent)); // the view opens on urgent
    CHECK(model.rowCount() == 9);

    show->setFocus();
    QTest::keyClick(show, Qt::Key_Down); // overdue
    ReferralFilter overdue;
    overdue.dueBefore = f.clock.now();
    CHECK(model.rowCount() == count(overdue));
    CHECK(model.rowCount() == 40);
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(model.data(model.index(row, QueueModel::NextDue)).toString().startsWith(QStringLiteral("OVERDUE")));

    QTest::keyClick(show, Qt::Key_Down); // awaiting decision
    CHECK(model.rowCount() == 40);
    auto *message = view.findChild<QLabel *>(QStringLiteral("queueMessage"));
    REQUIRE(message);
    CHECK_FALSE(message->isVisible());
    QTest::keyClick(show, Qt::Key_Down); // awaiting feedback: nothing decided yet
    CHECK(model.rowCount() == 0);
    // An empty view says so in words, naming what it shows, rather than an empty grid.
    CHECK(message->isVisible());
    CHECK(message->text().startsWith(QStringLiteral("Nothing to show: no referral is in “Awaiting feedback")));
    QTest::keyClick(show, Qt::Key_Down); // drafts
    CHECK(model.rowCount() == 20);
    CHECK_FALSE(message->isVisible());
    QTest::keyClick(show, Qt::Key_Down); // mine
    CHECK(model.rowCount() == 30);
    QTest::keyClick(show, Qt::Key_Down); // all
    CHECK(model.rowCount() == 60);

    auto *search = view.findChild<QLineEdit *>(QStringLiteral("queueSearch"));
    REQUIRE(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("perpetua"));
    REQUIRE(QTest::qWaitFor([&] { return model.rowCount() == 1; }, 2000));
    CHECK(model.summary(0).children.contains(QStringLiteral("Perpetua")));
    CHECK_FALSE(message->isVisible());

    // Issue 18: a search that finds nothing says so, and what it looks in.
    QTest::keyClicks(search, QStringLiteral("zzz"));
    REQUIRE(QTest::qWaitFor([&] { return message->isVisible(); }, 2000));
    CHECK(message->text().contains(QStringLiteral("No referral matches")));
    CHECK(model.rowCount() == 0);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(search, Qt::Key_Backspace);
    REQUIRE(QTest::qWaitFor([&] { return model.rowCount() == 1; }, 2000));
    CHECK_FALSE(message->isVisible());

    // Tab to the table, Enter opens the referral.
    QSignalSpy open(&view, &QueueView::openRequested);
    auto *table = view.findChild<QTableView *>(QStringLiteral("queueTable"));
    table->setFocus();
    table->setCurrentIndex(model.index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    REQUIRE(open.size() == 1);
    CHECK(open.at(0).at(0).toString() == model.summary(0).reference);
}

TEST_CASE("The queue's received-from/to range includes both days, and is off by default so nothing overdue hides")
{
    StoreFixture f;
    fill(f, 5); // all received on 24 November 2026
    QueueView view(readerFor(f), {}, handler.userId, f.clock);
    view.choose(QueueView::Show::All);
    CHECK(view.model().rowCount() == 5);
    view.setReceivedRange(QDate(2026, 11, 24), QDate(2026, 11, 24));
    CHECK(view.model().rowCount() == 5);
    view.setReceivedRange(QDate(2026, 11, 25), QDate(2026, 11, 30));
    CHECK(view.model().rowCount() == 0);
    auto *message = view.findChild<QLabel *>(QStringLiteral("queueMessage"));
    REQUIRE(message);
    INFO(message->text().toStdString());
    CHECK(message->text().contains(QStringLiteral(" received 25 Nov 2026 to 30 Nov 2026.")));
    view.setReceivedRange({}, {});
    CHECK(view.model().rowCount() == 5);
}

TEST_CASE("An empty queue says so in words, and a call saved at another desk takes the words away as it appears")
{
    StoreFixture f;
    QueueView view(readerFor(f), {}, handler.userId, f.clock);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.choose(QueueView::Show::All);
    auto *message = view.findChild<QLabel *>(QStringLiteral("queueMessage"));
    REQUIRE(message);
    CHECK(view.model().rowCount() == 0);
    CHECK(message->isVisible());
    CHECK(message->text()
          == QStringLiteral("Nothing to show: no referral is in “All”. This view updates by itself when one is."));

    REQUIRE(f->referrals().createDraft(norfolk(), otherHandler));
    view.refreshInPlace(); // as the change feed asks it to
    CHECK(view.model().rowCount() == 1);
    CHECK_FALSE(message->isVisible());
}

TEST_CASE("A supervisor's window: F4 shows the queue, Enter opens the case, and the queue stays after it closes")
{
    StoreFixture f;
    fill(f, 10);
    MainWindow::Context context;
    context.databasePath = f.path;
    context.profileName = norfolk().name;
    context.queuePages = readerFor(f);
    context.queueSearch = [&f](const QString &text) { return f->queries().search(text, supervisor); };
    context.userId = supervisor.userId;
    context.clock = &f.clock;
    context.openReferral = [&f](const QString &reference, QWidget *parent) -> Result<ReferralPage> {
        Result<StoredReferral> opened = f->referrals().open(reference, supervisor);
        if (!opened)
            return opened.error();
        return ReferralPage(new ReferralEditor(f->referrals(), norfolk(), *opened, supervisor, f.clock, parent));
    };
    MainWindow window(context);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto *queue = window.findChild<QueueView *>();
    REQUIRE(queue);
    CHECK(queue->isVisible()); // takes no calls: starts on the queue

    auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
    table->setFocus();
    table->setCurrentIndex(queue->model().index(0, 0));
    const QString first = queue->model().summary(0).reference;
    QTest::keyClick(table, Qt::Key_Return);
    auto *editor = window.findChild<ReferralEditor *>();
    REQUIRE(editor);
    CHECK(editor->referral().reference == first);
    CHECK(editor->isVisible());

    QTest::keyClick(&window, Qt::Key_F4);
    CHECK_FALSE(window.findChild<ReferralEditor *>()); // closed, and so saved
    REQUIRE(window.findChild<QueueView *>() == queue);
    CHECK(queue->isVisible());
}

namespace {

// The queue view of the fixture's supervisor with the store's real export behind Ctrl+E.
struct ExportingQueue
{
    explicit ExportingQueue(StoreFixture &f)
        : view(readerFor(f), {}, supervisor.userId, f.clock)
    {
        view.setExporter([&f](const QStringList &columns, const QString &path, const ReferralFilter &filter,
                              const QString &scope) {
            return QueueExport::write(f->queries(), f->database(), supervisor, f.clock.now(), columns, path, filter,
                                      scope);
        });
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
    }

    QueueExportDialog &pressCtrlE() { return openedBy<QueueExportDialog>(view, Qt::Key_E, Qt::ControlModifier); }

    QueueView view;
};

// Alt+<key> as the person presses it; what the dialog then reports.
QString saveWithKey(QueueExportDialog &dialog, Qt::Key key)
{
    return pressMnemonic(dialog, key, *dialog.findChild<QLabel *>(QStringLiteral("queueExportResult")));
}

} // namespace

TEST_CASE("Ctrl+E exports the queue for reporting: what it shows, no names by default, the children's names only when ticked, audited")
{
    StoreFixture f;
    fill(f, 45); // every seventh urgent: 7 of them
    ExportingQueue queue(f);
    queue.view.choose(QueueView::Show::Urgent);
    QueueExportDialog &dialog = queue.pressCtrlE();
    CHECK(namedInputs(dialog) >= 4); // the scope, the column list and the buttons, named for a screen reader
    CHECK(dialog.chosenColumns() == QueueCsv::defaultColumns());
    const QString firstFile = f.dir.filePath(QStringLiteral("queue.csv"));
    dialog.setFileChooser([&](const QString &suggested, const QString &, QWidget *) {
        return f.dir.filePath(suggested);
    });
    // What the queue shows (Urgent), as the tick offers.
    CHECK(saveWithKey(dialog, Qt::Key_S).contains(QStringLiteral("Exported 7 referrals")));
    const QString plain = readText(firstFile);
    CHECK(plain.startsWith(QueueCsv::defaultColumns().join(u',') + QStringLiteral("\r\n")));
    CHECK(plain.count(QStringLiteral("\r\n")) == 8);
    CHECK_FALSE(plain.contains(QStringLiteral("Invented Child")));
    CHECK(QFile::permissions(firstFile) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                            QFileDevice::WriteUser));

    // Alt+O unticks "only what the queue shows"; down to the children's names, Space ticks it: every referral, named.
    QTest::keyClick(dialog.windowHandle(), Qt::Key_O, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&dialog] {
        return !dialog.findChild<QCheckBox *>(QStringLiteral("queueExportOnlyShown"))->isChecked();
    }));
    auto *columns = dialog.findChild<QListWidget *>(QStringLiteral("queueExportColumns"));
    for (int i = 0; i < columns->count(); ++i)
        QTest::keyClick(columns, Qt::Key_Down);
    QTest::keyClick(columns, Qt::Key_Space);
    CHECK(dialog.chosenColumns().last() == QStringLiteral("children"));
    dialog.setFileChooser([&](const QString &, const QString &, QWidget *) {
        return f.dir.filePath(QStringLiteral("with-names.csv"));
    });
    CHECK(saveWithKey(dialog, Qt::Key_S).contains(QStringLiteral("Exported 45 referrals")));
    CHECK(readText(f.dir.filePath(QStringLiteral("with-names.csv"))).contains(QStringLiteral("Perpetua Inventeddottir")));

    // Each export is one audit event with its scope, columns and row count, never the content.
    const QString payloads =
        f.rawValue(QStringLiteral("SELECT group_concat(payload, '|') FROM audit WHERE kind = 'exported'"));
    CHECK(payloads.count(QStringLiteral("\"what\":\"queue\"")) == 2);
    CHECK(payloads.contains(QStringLiteral("\"scope\":\"Urgent, not yet decided\"")));
    CHECK(payloads.contains(QStringLiteral("\"scope\":\"every referral\"")));
    CHECK(payloads.contains(QStringLiteral("\"rows\":7")));
    CHECK(payloads.contains(QStringLiteral("\"rows\":45")));
    CHECK(payloads.contains(QStringLiteral(",children\"")));
    CHECK_FALSE(payloads.contains(QStringLiteral("Invented")));
}

TEST_CASE("The queue export refuses a training database, and a file that cannot be written, saying why")
{
    StoreFixture f;
    fill(f, 3);
    ExportingQueue queue(f);
    QueueExportDialog &dialog = queue.pressCtrlE();
    dialog.setFileChooser([&](const QString &suggested, const QString &, QWidget *) {
        return f.dir.filePath(QStringLiteral("missing folder/") + suggested);
    });
    CHECK(saveWithKey(dialog, Qt::Key_S).contains(QStringLiteral("cannot be written")));
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'exported'")) == QStringLiteral("0"));

    QTemporaryDir dir;
    Store::Options training;
    training.training = true;
    std::unique_ptr<Store> trainingStore =
        std::move(Store::open(dir.filePath(QStringLiteral("frontdoor-training.sqlite")), f.clock, training).value());
    const Result<int> refused = QueueExport::write(trainingStore->queries(), trainingStore->database(), supervisor,
                                                   f.clock.now(), QueueCsv::defaultColumns(),
                                                   dir.filePath(QStringLiteral("never.csv")));
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("Training cases")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("never.csv"))));
    CHECK_FALSE(QueueExport::write(f->queries(), f->database(), handler, f.clock.now(), QueueCsv::defaultColumns(),
                                   f.dir.filePath(QStringLiteral("handler.csv"))));
}
