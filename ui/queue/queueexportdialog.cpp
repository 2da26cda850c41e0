#include "queue/queueexportdialog.h"

#include "documents/queuecsv.h"
#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

QString describe(const QString &column)
{
    static const QHash<QString, QString> words{
        {QStringLiteral("reference"), QueueExportDialog::tr("Reference")},
        {QStringLiteral("profile"), QueueExportDialog::tr("Front door (profile)")},
        {QStringLiteral("received"), QueueExportDialog::tr("Received (date and time)")},
        {QStringLiteral("status"), QueueExportDialog::tr("Status")},
        {QStringLiteral("urgent"), QueueExportDialog::tr("Urgent")},
        {QStringLiteral("nextDue"), QueueExportDialog::tr("Next due")},
        {QStringLiteral("handler"), QueueExportDialog::tr("Call-handler's account")},
        {QStringLiteral("children"), QueueExportDialog::tr("Children's names — identifies children")},
    };
    return words.value(column, column);
}

} // namespace

QueueExportDialog::QueueExportDialog(Exporter exporter, ReferralFilter shown, QString shownWords, QWidget *parent)
    : QDialog(parent), m_export(std::move(exporter)), m_shown(std::move(shown)), m_shownWords(std::move(shownWords)),
      m_chooseFile(chooseFileToSave)
{
    setObjectName(QStringLiteral("queueExportDialog"));
    setWindowTitle(tr("Export the queue for reporting"));

    m_columns = new QListWidget(this);
    m_columns->setObjectName(QStringLiteral("queueExportColumns"));
    m_columns->setAccessibleName(tr("Columns to export: Space ticks or unticks one"));
    const QStringList defaults = QueueCsv::defaultColumns();
    for (const QString &column : QueueCsv::knownColumns()) {
        auto *item = new QListWidgetItem(describe(column), m_columns);
        item->setData(Qt::UserRole, column);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(defaults.contains(column) ? Qt::Checked : Qt::Unchecked);
    }
    m_onlyShown = new QCheckBox(tr("&Only the referrals the queue shows: %1").arg(m_shownWords), this);
    m_onlyShown->setObjectName(QStringLiteral("queueExportOnlyShown"));
    m_onlyShown->setChecked(true); // the report of what the supervisor is looking at; untick for every referral
    auto *about = new QLabel(tr("One row per referral. The ticked columns hold no names and no "
                                "free text; tick the children's names only where the report needs them. The file is "
                                "readable by you only, and the export is recorded in the audit trail."),
                             this);
    about->setWordWrap(true);
    Theme::setKind(about, Theme::Kind::prompt);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("queueExportResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText); // a path is shown as typed

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Save as CSV…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("queueExportSave"));
    connect(save, &QPushButton::clicked, this, &QueueExportDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_onlyShown);
    layout->addWidget(m_columns);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(560, 420);
    m_columns->setCurrentRow(0);
    m_columns->setFocus();
}

QStringList QueueExportDialog::chosenColumns() const
{
    QStringList columns;
    for (int row = 0; row < m_columns->count(); ++row)
        if (m_columns->item(row)->checkState() == Qt::Checked)
            columns << m_columns->item(row)->data(Qt::UserRole).toString();
    return columns;
}

void QueueExportDialog::save()
{
    const QStringList columns = chosenColumns();
    if (columns.isEmpty()) {
        Theme::setKind(m_result, Theme::Kind::problemBar);
        m_result->setText(tr("Tick at least one column."));
        return;
    }
    const QString path = m_chooseFile(QStringLiteral("queue.csv"), tr("CSV (*.csv)"), this);
    if (path.isEmpty())
        return;
    const bool onlyShown = m_onlyShown->isChecked();
    Result<int> written = m_export(columns, path, onlyShown ? m_shown : ReferralFilter{},
                                   onlyShown ? m_shownWords : tr("every referral"));
    if (!written) {
        Theme::setKind(m_result, Theme::Kind::problemBar);
        m_result->setText(tr("Nothing was exported: %1").arg(written.errorMessage()));
        return;
    }
    const QString file = QDir::toNativeSeparators(path);
    const QString what = *written == 1
                             ? tr("Exported 1 referral to %1 (recorded in the audit trail).").arg(file)
                             : tr("Exported %1 referrals to %2 (recorded in the audit trail).").arg(*written).arg(file);
    Theme::setKind(m_result, Theme::Kind::prompt);
    m_result->setText(what);
    emit exported(what);
}

} // namespace FrontDoor
