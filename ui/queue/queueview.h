#pragma once

#include "queue/queueexportdialog.h"
#include "queue/queuemodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace FrontDoor {

// The queue on screen (issue 7): a filter (urgent, overdue, awaiting decision, awaiting feedback, drafts, mine, all),
// an optional received-from/to range, a search box over names, aliases, dates of birth, addresses, postcodes,
// references and schools, and the table. Enter on a row opens the referral.
class QueueView : public QWidget
{
    Q_OBJECT

public:
    enum class Show { Urgent, Overdue, AwaitingDecision, AwaitingFeedback, Drafts, Mine, All };

    QueueView(QueueModel::PageReader reader, QueueModel::Searcher searcher, QString signedInUser, const Clock &clock,
              QWidget *parent = nullptr);

    // What each choice shows, over every date: the queue's filter, and the supervisor's home counts (issue 18).
    static ReferralFilter filterOf(Show what, const QString &signedInUser, const QDateTime &now);

    QueueModel &model() { return *m_model; }
    void choose(Show what);
    // Only referrals received between `from` and `to`, both days included; an invalid `from`: every date.
    void setReceivedRange(QDate from, QDate to);
    void reload();
    // Another desk changed something (team mode's change feed): the same filter or search read again, the cursor
    // kept on the referral it was on, nothing the person typed cleared.
    void refreshInPlace();
    // Puts the cursor in the table, on its current row.
    void focusTable();
    // Ctrl+E, "Export for reporting…" (issue 8): without it the queue offers neither.
    void setExporter(QueueExportDialog::Exporter exporter);
    // Ctrl+E: the export dialog (window-modal, not waited for).
    void openExportDialog();

signals:
    void openRequested(const QString &reference);

private:
    QHBoxLayout *createFilterBar();
    QTableView *createTable();
    QLabel *createMessage();
    ReferralFilter filterFor(Show what) const;
    void applyFilter();
    // An empty view says so, and what it shows; rows arriving (another desk's call) take the words away.
    void sayWhenEmpty();

    QString m_user;
    const Clock &m_clock; // not owned
    QueueModel *m_model = nullptr;
    QComboBox *m_show = nullptr;
    QCheckBox *m_inRange = nullptr; // off: every date, so nothing overdue can hide behind a range
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    bool m_saysEmpty = false; // m_message holds sayWhenEmpty()'s words
    QWidget *m_exportButton = nullptr;
    QueueExportDialog::Exporter m_exporter;
};

} // namespace FrontDoor
