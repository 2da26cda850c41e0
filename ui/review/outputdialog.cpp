#include "review/outputdialog.h"

#include "documents/redactedreferral.h"
#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "render/referraloutput.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

constexpr int jsonRow = 3; // the rows follow the DocumentKind order, then the JSON

bool choosePrinterWithDialog(QPrinter &printer, QWidget *parent)
{
    QPrintDialog dialog(&printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

// Where a printout went, for the trail: the printer, or the PDF file's name when printed to a file.
QString destinationOf(const QPrinter &printer)
{
    if (printer.outputFormat() == QPrinter::PdfFormat)
        return QStringLiteral("PDF file %1").arg(QFileInfo(printer.outputFileName()).fileName());
    return printer.printerName();
}

} // namespace

OutputDialog::OutputDialog(ReferralOutput &output, Referral referral, QWidget *parent)
    : QDialog(parent), m_output(output), m_referral(std::move(referral)), m_choosePrinter(choosePrinterWithDialog),
      m_chooseFile(chooseFileToSave)
{
    setObjectName(QStringLiteral("outputDialog"));
    setWindowTitle(tr("Print or export %1").arg(m_referral.reference));

    m_choices = new QListWidget(this);
    m_choices->setObjectName(QStringLiteral("outputChoices"));
    m_choices->setAccessibleName(tr("What to print or export"));
    m_choices->addItems({tr("Written record of the referral (internal)"), tr("Notice to the parents or carers"),
                         tr("Feedback to the referrer"), tr("Referral data (JSON) for the case-management system")});
    m_choices->setMaximumHeight(m_choices->sizeHintForRow(0) * 5);
    if (!Facts::canReceiveFeedback(m_referral)) { // no letter to nobody (LIN-T5, ALL-T6)
        QListWidgetItem *feedback = m_choices->item(2);
        feedback->setText(tr("Feedback to the referrer — none due: anonymous, or no way to reach them"));
        feedback->setFlags(feedback->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    }

    m_about = new QLabel(this);
    m_about->setObjectName(QStringLiteral("outputAbout"));
    m_about->setWordWrap(true);
    m_about->setTextFormat(Qt::RichText);
    Theme::setKind(m_about, Theme::Kind::prompt);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("outputResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);

    auto *buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("outputPrint"));
    QPushButton *save = buttons->addButton(tr("&Save as file…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("outputSave"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    // Tab as the buttons are shown — the choice, Print, Save, Close — and round again (issue 18: a box made with
    // Close first trapped Tab between Print and Save).
    setTabOrder(m_choices, m_print);
    setTabOrder(m_print, save);
    setTabOrder(save, close);
    connect(m_print, &QPushButton::clicked, this, &OutputDialog::print);
    connect(save, &QPushButton::clicked, this, &OutputDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choices, &QListWidget::currentRowChanged, this, &OutputDialog::describeChoice);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("What leaves the building (each printout and file is recorded in the history):"),
                                 this));
    layout->addWidget(m_choices);
    layout->addWidget(m_about);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(640, 320);

    m_choices->setCurrentRow(0);
    m_choices->setFocus();
}

std::optional<DocumentKind> OutputDialog::chosenDocument() const
{
    switch (m_choices->currentRow()) {
    case 1: return DocumentKind::FamilyNotice;
    case 2: return DocumentKind::ReferrerFeedback;
    case jsonRow: return std::nullopt;
    default: return DocumentKind::WrittenRecord;
    }
}

void OutputDialog::describeChoice()
{
    const std::optional<DocumentKind> kind = chosenDocument();
    m_print->setEnabled(kind.has_value()); // the JSON is for another system, not for paper
    // An anonymous caller gave no name to print: the internal documents hold what they did give (issue 18).
    const bool anonymous = m_referral.answerIs(Field::identityDecision, u"anonymous");
    const QString referrer = anonymous ? tr("<b>The referrer is anonymous</b>: it holds what they said and any contact "
                                            "details they gave")
                                       : tr("<b>It names the referrer</b>");
    if (!kind) {
        m_about->setText(tr("For the case-management system: everything recorded, in the versioned referral schema "
                            "(resources/schema/referral-json.md). %1.").arg(referrer));
        return;
    }
    switch (*kind) {
    case DocumentKind::WrittenRecord:
        m_about->setText(tr("For the front door only: every question with what was recorded, the decisions and their "
                            "signatures. %1 — keep it inside the service.").arg(referrer));
        break;
    case DocumentKind::FamilyNotice:
        m_about->setText(mayNameReferrer(m_referral, Audience::Family)
                             ? tr("For the parents or carers. <b>It names the referrer</b>: the recorded decision is "
                                  "that their identity may be shared with the family (NOR-A2, LIN-A4).")
                             : tr("For the parents or carers. <b>It does not name the referrer</b> — not in the text, "
                                  "the file name or the file's properties: the referrer is anonymous, asked not to be "
                                  "named to the family, or no decision allows it (NOR-A1, LIN-A5)."));
        break;
    case DocumentKind::ReferrerFeedback:
        m_about->setText(Facts::isCommunityCaller(Facts::callerType(m_referral))
                             ? tr("For a member of the public: it says the referral has been dealt with and what to "
                                  "do if worried again — <b>nothing about the family</b> (LIN-T5).")
                             : tr("For a professional: the outcome for each child in writing, with the reasons "
                                  "(ALL-T6, LIN-T5)."));
        break;
    }
}

void OutputDialog::print()
{
    const std::optional<DocumentKind> kind = chosenDocument();
    if (!kind)
        return;
    if (Result<Document> allowed = m_output.document(*kind, m_referral); !allowed) { // refused before anything is asked
        report(allowed.errorMessage(), true);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(m_referral.reference); // what a print queue shows: the reference, never a name
    if (!m_choosePrinter(printer, this))
        return;
    if (Status printed = m_output.print(m_referral, *kind, printer, destinationOf(printer)); !printed) {
        report(printed.errorMessage(), true);
        return;
    }
    const QString what = tr("Printed: %1 — %2.").arg(m_choices->currentItem()->text(), destinationOf(printer));
    report(what, false);
    emit recorded(what);
}

void OutputDialog::save()
{
    const std::optional<DocumentKind> kind = chosenDocument();
    QString suggested = ReferralOutput::suggestedJsonName(m_referral);
    if (kind) {
        Result<Document> document = m_output.document(*kind, m_referral);
        if (!document) {
            report(document.errorMessage(), true);
            return;
        }
        suggested = ReferralOutput::suggestedFileName(*document);
    }
    const QString path = m_chooseFile(suggested, kind ? tr("PDF (*.pdf)") : tr("JSON (*.json)"), this);
    if (path.isEmpty())
        return;
    const Status saved = kind ? m_output.savePdf(m_referral, *kind, path) : m_output.saveJson(m_referral, path);
    if (!saved) {
        report(saved.errorMessage(), true);
        return;
    }
    const QString what = tr("Saved: %1 — %2 (only you can read the file).")
                             .arg(m_choices->currentItem()->text(), QDir::toNativeSeparators(path));
    report(what, false);
    emit recorded(what);
}

void OutputDialog::report(const QString &text, bool problem)
{
    Theme::setKind(m_result, problem ? Theme::Kind::problemBar : Theme::Kind::prompt);
    m_result->setText(problem ? tr("<b>Nothing was printed or saved:</b> %1").arg(text.toHtmlEscaped()) : text.toHtmlEscaped());
}

} // namespace FrontDoor
