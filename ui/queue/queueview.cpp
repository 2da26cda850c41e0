#include "queueview.h"

#include "keys.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace FrontDoor {

QueueView::QueueView(QueueModel::PageReader reader, QueueModel::Searcher searcher, QString signedInUser,
                     const Clock &clock, QWidget *parent)
    : QWidget(parent), m_user(std::move(signedInUser)), m_clock(clock)
{
    setObjectName(QStringLiteral("queueView"));
    m_model = new QueueModel(std::move(reader), clock, this);
    m_model->setSearcher(std::move(searcher));

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Queue</h2>"), this);
    layout->addWidget(title);
    layout->addLayout(createFilterBar());
    layout->addWidget(createMessage());
    layout->addWidget(createTable(), 1);
    auto *below = new QHBoxLayout; // Export under the table, where Tab reaches it after the rows
    below->addStretch(1);
    below->addWidget(m_exportButton);
    layout->addLayout(below);
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_exportButton);

    connect(m_show, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &QueueView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &QueueView::applyFilter);
    applyFilter();
}

// Show (urgent, overdue …), the received-from range, the search box and Export: the bar above the table.
QHBoxLayout *QueueView::createFilterBar()
{
    m_show = new QComboBox(this);
    m_show->setObjectName(QStringLiteral("queueShow"));
    m_show->setAccessibleName(tr("Show"));
    for (const auto &[what, text] : {std::pair{Show::Urgent, tr("Urgent, not yet decided")},
                                     std::pair{Show::Overdue, tr("Overdue")},
                                     std::pair{Show::AwaitingDecision, tr("Awaiting decision")},
                                     std::pair{Show::AwaitingFeedback, tr("Awaiting feedback")},
                                     std::pair{Show::Drafts, tr("Drafts — calls in progress")},
                                     std::pair{Show::Mine, tr("Mine")},
                                     std::pair{Show::All, tr("All")}})
        m_show->addItem(text, int(what));
    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_show);

    const QDate today = m_clock.now().date();
    m_from = new QDateEdit(today.addYears(-1), this);
    m_from->setObjectName(QStringLiteral("queueFrom"));
    m_from->setAccessibleName(tr("Received from"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("queueTo"));
    m_to->setAccessibleName(tr("Received up to"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_inRange = new QCheckBox(tr("Received fro&m"), this);
    m_inRange->setObjectName(QStringLiteral("queueInRange"));
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    connect(m_inRange, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilter();
    });
    // A date edit's text field is what a screen reader lands on: it carries the name too.
    for (QDateEdit *edit : {m_from, m_to})
        if (auto *text = edit->findChild<QLineEdit *>())
            text->setAccessibleName(edit->accessibleName());
    auto *toLabel = new QLabel(tr("&to:"), this);
    toLabel->setBuddy(m_to);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setAccessibleName(tr("Search referrals"));
    m_search->setPlaceholderText(tr("Search: name, date of birth, address, postcode, reference, school"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        const QString text = m_search->text().trimmed();
        m_message->hide();
        m_model->search(text);
        if (!text.isEmpty() && m_model->rowCount() == 0 && !m_message->isVisible()) { // found nothing: say so
            Theme::setKind(m_message, Theme::Kind::prompt);
            m_message->setText(tr("No referral matches “%1”. Search looks in names, aliases, dates of birth, "
                                  "addresses, postcodes, schools and references; try part of a name.")
                                   .arg(text.toHtmlEscaped()));
            m_message->show();
        }
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(showLabel);
    bar->addWidget(m_show);
    bar->addSpacing(12);
    bar->addWidget(m_inRange);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_search, 1);
    auto *exportButton = new QPushButton(
        tr("Export for reporting… (%1)").arg(Keys::exportQueue.toString(QKeySequence::NativeText)), this);
    exportButton->setObjectName(QStringLiteral("queueExport"));
    exportButton->setVisible(false); // until setExporter()
    connect(exportButton, &QPushButton::clicked, this, &QueueView::openExportDialog);
    m_exportButton = exportButton; // placed under the table by the constructor
    auto *exportShortcut = new QShortcut(Keys::exportQueue, this);
    exportShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(exportShortcut, &QShortcut::activated, this, &QueueView::openExportDialog);
    return bar;
}

// The referrals, a row each; Enter opens one.
QTableView *QueueView::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Referrals"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::Children, QHeaderView::Stretch);
    for (int column : {QueueModel::Reference, QueueModel::Received, QueueModel::Status, QueueModel::Urgency,
                       QueueModel::NextDue, QueueModel::Handler})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openRequested(m_model->summary(index.row()).reference);
    });

    return m_table;
}

// Says when the queue cannot be read (the database is locked or damaged), above the table.
QLabel *QueueView::createMessage()
{
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("queueMessage"));
    m_message->setWordWrap(true);
    Theme::setKind(m_message, Theme::Kind::checkProblem);
    m_message->hide();
    connect(m_model, &QueueModel::readFailed, this, [this](const QString &message) {
        Theme::setKind(m_message, Theme::Kind::checkProblem);
        m_message->setText(tr("The queue could not be read: %1").arg(message));
        m_message->show();
    });

    return m_message;
}

void QueueView::setExporter(QueueExportDialog::Exporter exporter)
{
    m_exporter = std::move(exporter);
    m_exportButton->setVisible(bool(m_exporter));
}

void QueueView::openExportDialog()
{
    if (!m_exporter)
        return;
    QString shown = m_show->currentText();
    if (m_inRange->isChecked())
        shown += tr(", received %1 to %2").arg(m_from->text(), m_to->text());
    auto *dialog = new QueueExportDialog(m_exporter, filterFor(Show(m_show->currentData().toInt())), shown, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

ReferralFilter QueueView::filterOf(Show what, const QString &signedInUser, const QDateTime &now)
{
    ReferralFilter filter;
    switch (what) {
    case Show::Urgent:
        filter.urgent = true;
        filter.undecidedOnly = true; // urgent work waiting, not every urgent call ever decided
        break;
    case Show::Overdue:
        filter.dueBefore = now;
        break;
    case Show::AwaitingDecision: filter.status = ReferralStatus::Submitted; break;
    case Show::AwaitingFeedback: filter.status = ReferralStatus::Decided; break;
    case Show::Drafts: filter.status = ReferralStatus::Draft; break;
    case Show::Mine:
        filter.handler = signedInUser;
        break;
    case Show::All: break;
    }
    return filter;
}

ReferralFilter QueueView::filterFor(Show what) const
{
    ReferralFilter filter = filterOf(what, m_user, m_clock.now());
    if (m_inRange->isChecked()) { // days received, both ends included
        filter.createdFrom = m_from->date().startOfDay();
        filter.createdTo = m_to->date().addDays(1).startOfDay();
    }
    return filter;
}

void QueueView::applyFilter()
{
    m_message->hide();
    m_search->blockSignals(true);
    m_search->clear(); // a filter replaces a search
    m_search->blockSignals(false);
    m_saysEmpty = false;
    m_model->setFilter(filterFor(Show(m_show->currentData().toInt())));
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
    sayWhenEmpty();
}

void QueueView::sayWhenEmpty()
{
    if (!m_search->text().trimmed().isEmpty())
        return; // a search says what it found itself
    if (m_model->rowCount() > 0) {
        if (m_saysEmpty)
            m_message->hide();
        m_saysEmpty = false;
        return;
    }
    if (m_message->isVisible() && !m_saysEmpty)
        return; // the queue could not be read: that stays said
    const QString range
        = m_inRange->isChecked() ? tr(" received %1 to %2").arg(m_from->text(), m_to->text()) : QString();
    Theme::setKind(m_message, Theme::Kind::prompt);
    m_message->setText(tr("Nothing to show: no referral is in “%1”%2. This view updates by itself when one is.")
                           .arg(m_show->currentText(), range));
    m_message->show();
    m_saysEmpty = true;
}

void QueueView::choose(Show what)
{
    m_show->setCurrentIndex(m_show->findData(int(what)));
}

void QueueView::setReceivedRange(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (from.isValid()) {
        m_from->setDate(from);
        m_to->setDate(to);
    }
    if (m_inRange->isChecked() == from.isValid())
        applyFilter();
    else
        m_inRange->setChecked(from.isValid()); // applies the filter
}

void QueueView::focusTable()
{
    m_table->setFocus();
}

void QueueView::reload()
{
    applyFilter();
}

void QueueView::refreshInPlace()
{
    const QModelIndex current = m_table->currentIndex();
    const QString reference = current.isValid() ? m_model->summary(current.row()).reference : QString();
    const int column = current.isValid() ? current.column() : 0;
    if (const QString text = m_search->text(); !text.trimmed().isEmpty())
        m_model->search(text);
    else
        m_model->setFilter(m_model->filter());
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->summary(row).reference == reference) {
            m_table->setCurrentIndex(m_model->index(row, column));
            sayWhenEmpty();
            return;
        }
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    sayWhenEmpty();
}

} // namespace FrontDoor
