#pragma once

#include "documents/referraldocuments.h"
#include "referral/referral.h"
#include "savefilechooser.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPrinter;
class QPushButton;

namespace FrontDoor {

class ReferralOutput;

// Print or export (Ctrl+P on a review, issue 8): which document — the written record (internal), the notice to
// the parents or carers, the feedback to the referrer, or the referral's data as JSON for the case-management
// system — and where it goes: a printer or a file. Beside each it says who may read it and whether the referrer is
// named in it, and why (NOR-A1, LIN-A5), so a supervisor sees the redaction before anything leaves. Every printout
// and file is an audit event (ReferralOutput); the dialog stays open for the next one.
class OutputDialog : public QDialog
{
    Q_OBJECT

public:
    // Asks where to print (default: Qt's print dialog); false when the person cancels.
    using PrinterChooser = std::function<bool(QPrinter &printer, QWidget *parent)>;

    OutputDialog(ReferralOutput &output, Referral referral, QWidget *parent = nullptr);

    void setPrinterChooser(PrinterChooser chooser) { m_choosePrinter = std::move(chooser); }
    void setFileChooser(SaveFileChooser chooser) { m_chooseFile = std::move(chooser); }

signals:
    // Something left the building and is in the trail: `what` says what and where, for the review's bar.
    void recorded(const QString &what);

private:
    std::optional<DocumentKind> chosenDocument() const; // nullopt: the JSON
    void describeChoice();
    void print();
    void save();
    void report(const QString &text, bool problem);

    ReferralOutput &m_output; // not owned
    Referral m_referral;
    PrinterChooser m_choosePrinter;
    SaveFileChooser m_chooseFile;
    QListWidget *m_choices = nullptr;
    QLabel *m_about = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_print = nullptr;
};

} // namespace FrontDoor
