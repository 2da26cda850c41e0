// Issue 8: print and export from the window. A supervisor on a review presses Ctrl+P, picks the document with the
// arrow keys and prints or saves it; each printout and file is an audit event, the family notice never names an
// anonymous neighbour (read back from the PDF with poppler), and a training case never leaves.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/accessiblenames.h"
#include "support/dialogkeys.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "referral/fields.h"
#include "referral/referraljson.h"
#include "render/referraloutput.h"
#include "review/outputdialog.h"
#include "review/reviewpage.h"
#include "store/audittrail.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPrinter>
#include <QPushButton>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString neighbour = QStringLiteral("Zebedee Canaryneighbour");
const QString neighbourPhone = QStringLiteral("+447911123456");
const QString neighbourAddress = QStringLiteral("7 Canary Row, Invented Town");

// A neighbour who gave their name, phone and address but must not be named to the family (NOR-A1).
QString submittedByAnonymousNeighbour(Store &store)
{
    StoredReferral draft = store.referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Olwen Invented")));
    r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("memberOfPublic")));
    r.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("notToFamily")));
    r.setAnswer(Field::identityConfidentialityExplained, Answer::given(QStringLiteral("yes"))); // NOR-A3
    r.setAnswer(Field::referrerName, Answer::given(neighbour));
    r.setAnswer(Field::referrerPhone, Answer::given(neighbourPhone));
    r.setAnswer(Field::referrerAddress, Answer::given(neighbourAddress));
    const qint64 revision = store.referrals().save(r, draft.revision, handler)->revision;
    const Result<SaveReceipt> submitted = store.referrals().submit(r.reference, revision, handler, norfolk());
    INFO(submitted.errorMessage().toStdString());
    REQUIRE(submitted);
    return r.reference;
}

struct ShownReview
{
    ShownReview(Store &store, const QString &reference)
        : page(store.referrals(), norfolk(), store.referrals().open(reference, supervisor).value(), supervisor,
               store.clock(), ReviewPage::Signer{}, ReviewPage::History{})
    {
        page.setOutput(std::make_unique<ReferralOutput>(store.referrals(), store.database(), norfolk(), supervisor,
                                                        store.clock(), store.anchors()));
        page.show();
        REQUIRE(QTest::qWaitForWindowExposed(&page));
    }

    // Ctrl+P as the supervisor presses it; the dialog it opens.
    OutputDialog &pressCtrlP() { return openedBy<OutputDialog>(page, Qt::Key_P, Qt::ControlModifier); }

    ReviewPage page;
};

QListWidget &choices(OutputDialog &dialog)
{
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("outputChoices"));
    REQUIRE(list);
    return *list;
}

QString shown(OutputDialog &dialog, const char *label)
{
    return dialog.findChild<QLabel *>(QString::fromLatin1(label))->text();
}

// Alt+<key> on the dialog's button; waits until the dialog reports what happened.
void pressButton(OutputDialog &dialog, Qt::Key key)
{
    pressMnemonic(dialog, key, *dialog.findChild<QLabel *>(QStringLiteral("outputResult")));
}

QList<AuditEvent> eventsOf(Store &store, const QString &reference, AuditKind kind)
{
    QList<AuditEvent> found;
    const QList<AuditEvent> all = AuditTrail::forReferral(store.database(), reference).value();
    for (const AuditEvent &event : all)
        if (event.kind == auditKindName(kind))
            found.append(event);
    return found;
}

} // namespace

TEST_CASE("NOR-A1 LIN-A5: from the review, Ctrl+P saves the family notice — the neighbour is nowhere in it, and it is in the history")
{
    StoreFixture f;
    const QString reference = submittedByAnonymousNeighbour(*f);
    ShownReview review(*f, reference);
    OutputDialog &dialog = review.pressCtrlP();

    QString offeredName;
    dialog.setFileChooser([&](const QString &suggested, const QString &, QWidget *) {
        offeredName = suggested;
        return f.dir.filePath(suggested);
    });
    CHECK(namedInputs(dialog) >= 4); // a screen reader names the list and every button
    QTest::keyClick(&choices(dialog), Qt::Key_Down); // the notice to the parents or carers
    CHECK(shown(dialog, "outputAbout").contains(QStringLiteral("does not name the referrer")));
    pressButton(dialog, Qt::Key_S);

    REQUIRE_FALSE(offeredName.isEmpty());
    CHECK_FALSE(offeredName.contains(QStringLiteral("Canary")));
    const QString path = f.dir.filePath(offeredName);
    REQUIRE(QFileInfo::exists(path));
    CHECK(QFile::permissions(path) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                       QFileDevice::WriteUser));
    const QString text = readPdfWith("pdftotext", path);
    CHECK(text.contains(QStringLiteral("Olwen Invented"))); // reading it back works …
    for (const QString &canary : {neighbour, neighbourPhone, neighbourAddress, QStringLiteral("Canary")})
        CHECK_FALSE(text.contains(canary)); // … and no trace of the neighbour
    CHECK_FALSE(readPdfWith("pdfinfo", path).contains(QStringLiteral("Canary")));

    const QList<AuditEvent> exported = eventsOf(*f, reference, AuditKind::Exported);
    REQUIRE(exported.size() == 1);
    CHECK(exported[0].user == supervisor.userId);
    CHECK(exported[0].payload.value(QStringLiteral("document")).toString() == QStringLiteral("notice"));
    CHECK(exported[0].payload.value(QStringLiteral("file")).toString() == offeredName);
    CHECK(shown(dialog, "outputResult").contains(QStringLiteral("Saved")));
    CHECK(review.page.findChild<QLabel *>(QStringLiteral("reviewBar"))->text().contains(QStringLiteral("history")));
}

TEST_CASE("Printing the written record is recorded with the printer, and the internal record names the referrer")
{
    StoreFixture f;
    const QString reference = submittedByAnonymousNeighbour(*f);
    ShownReview review(*f, reference);
    OutputDialog &dialog = review.pressCtrlP();
    const QString printed = f.dir.filePath(QStringLiteral("printed.pdf"));
    dialog.setPrinterChooser([&](QPrinter &printer, QWidget *) { // the print dialog's "print to file"
        CHECK(printer.docName() == reference);                  // a print queue shows no name
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        return true;
    });
    CHECK(shown(dialog, "outputAbout").contains(QStringLiteral("It names the referrer")));
    pressButton(dialog, Qt::Key_P);

    const QString text = readPdfWith("pdftotext", printed);
    CHECK(text.contains(neighbour)); // internal: everything recorded
    CHECK(text.contains(reference));
    const QList<AuditEvent> events = eventsOf(*f, reference, AuditKind::Printed);
    REQUIRE(events.size() == 1);
    CHECK(events[0].payload.value(QStringLiteral("document")).toString() == QStringLiteral("record"));
    CHECK(events[0].payload.value(QStringLiteral("printer")).toString() == QStringLiteral("PDF file printed.pdf"));
    CHECK(eventsOf(*f, reference, AuditKind::Exported).isEmpty());
}

TEST_CASE("The referral's JSON is saved from the window for the case-management system, and cannot be printed")
{
    StoreFixture f;
    const QString reference = submittedByAnonymousNeighbour(*f);
    ShownReview review(*f, reference);
    OutputDialog &dialog = review.pressCtrlP();
    dialog.setFileChooser([&](const QString &suggested, const QString &filter, QWidget *) {
        CHECK(filter.contains(QStringLiteral("json")));
        return f.dir.filePath(suggested);
    });
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&choices(dialog), Qt::Key_Down);
    CHECK_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("outputPrint"))->isEnabled());
    pressButton(dialog, Qt::Key_S);

    QFile file(f.dir.filePath(QStringLiteral("referral-%1.json").arg(reference)));
    REQUIRE(file.open(QIODevice::ReadOnly));
    Result<Referral> back = ReferralJson::parse(file.readAll(), file.fileName());
    REQUIRE(back);
    CHECK(back->reference == reference);
    CHECK(back->answer(Field::referrerName).value() == neighbour);
    const QList<AuditEvent> exported = eventsOf(*f, reference, AuditKind::Exported);
    REQUIRE(exported.size() == 1);
    CHECK(exported[0].payload.value(QStringLiteral("format")).toString() == QStringLiteral("json"));
}

TEST_CASE("A file that cannot be written is said so in the dialog, and nothing is recorded as exported")
{
    StoreFixture f;
    const QString reference = submittedByAnonymousNeighbour(*f);
    ShownReview review(*f, reference);
    OutputDialog &dialog = review.pressCtrlP();
    dialog.setFileChooser([&](const QString &suggested, const QString &, QWidget *) {
        return f.dir.filePath(QStringLiteral("no such folder/") + suggested);
    });
    pressButton(dialog, Qt::Key_S);
    CHECK(shown(dialog, "outputResult").contains(QStringLiteral("Nothing was printed or saved")));
    CHECK(shown(dialog, "outputResult").contains(QStringLiteral("cannot be written")));
    CHECK(eventsOf(*f, reference, AuditKind::Exported).isEmpty());
}

TEST_CASE("A training case is never printed or exported from the window: the reason is shown and nothing is asked")
{
    QTemporaryDir dir;
    FixedClock clock(testNow());
    Store::Options training;
    training.training = true;
    std::unique_ptr<Store> store =
        std::move(Store::open(dir.filePath(QStringLiteral("frontdoor-training.sqlite")), clock, training).value());
    const QString reference = submittedByAnonymousNeighbour(*store);
    ShownReview review(*store, reference);
    OutputDialog &dialog = review.pressCtrlP();
    bool asked = false;
    dialog.setFileChooser([&](const QString &, const QString &, QWidget *) {
        asked = true;
        return dir.filePath(QStringLiteral("never.pdf"));
    });
    dialog.setPrinterChooser([&](QPrinter &, QWidget *) { return asked = true; });
    pressButton(dialog, Qt::Key_S);
    pressButton(dialog, Qt::Key_P);
    CHECK_FALSE(asked);
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("never.pdf"))));
    CHECK(shown(dialog, "outputResult").contains(QStringLiteral("Training cases")));
    CHECK(eventsOf(*store, reference, AuditKind::Exported).isEmpty());
    CHECK(eventsOf(*store, reference, AuditKind::Printed).isEmpty());
}

TEST_CASE("The print dialog never says a document names an anonymous referrer", "[issue18]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = draft.referral;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Olwen Invented")));
    r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("memberOfPublic")));
    r.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("anonymous")));
    r.setAnswer(Field::identityConfidentialityExplained, Answer::given(QStringLiteral("yes"))); // NOR-A3
    const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
    const Result<SaveReceipt> submitted = f->referrals().submit(r.reference, revision, handler, norfolk());
    INFO(submitted.errorMessage().toStdString());
    REQUIRE(submitted);
    ShownReview review(*f, r.reference);
    OutputDialog &dialog = review.pressCtrlP();
    for (int i = 0; i < choices(dialog).count(); ++i) {
        choices(dialog).setCurrentRow(i);
        INFO(choices(dialog).currentItem()->text().toStdString());
        CHECK_FALSE(shown(dialog, "outputAbout").contains(QStringLiteral("It names the referrer")));
    }
    choices(dialog).setCurrentRow(0); // the written record
    CHECK(shown(dialog, "outputAbout").contains(QStringLiteral("The referrer is anonymous")));
}
