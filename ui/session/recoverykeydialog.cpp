#include "recoverykeydialog.h"

#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

RecoveryKeyDialog::RecoveryKeyDialog(const QString &recoveryKey, const QString &databasePath, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Front Door — the recovery key"));
    setObjectName(QStringLiteral("recoveryKeyDialog"));
    auto *heading = new QLabel(
        tr("<h2>Write down the recovery key</h2>"
           "<p>Front Door keeps every record encrypted: a copied file or a stolen computer gives nothing away. Each "
           "person's password opens the records. If the key file beside the database is lost, or no administrator "
           "can sign in, <b>only this recovery key</b> opens the records and their backups.</p>"
           "<p>Write it down now and give it to your information governance officer to keep safe, away from this "
           "computer. It is shown only this once: Front Door does not keep it.</p>"),
        this);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);
    auto *keyLabel = new QLabel(tr("&Recovery key of %1:").arg(databasePath), this);
    keyLabel->setWordWrap(true);
    auto *key = new QLineEdit(recoveryKey, this); // read-only, but selectable and read out by a screen reader
    key->setObjectName(QStringLiteral("recoveryKey"));
    key->setReadOnly(true);
    key->setAccessibleName(tr("Recovery key"));
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(fixed.pointSizeF() * 1.4);
    key->setFont(fixed);
    key->setMinimumWidth(key->fontMetrics().horizontalAdvance(recoveryKey) + 24);
    keyLabel->setBuddy(key);
    m_writtenDown = new QCheckBox(tr("I have &written the recovery key down, to give to information governance"), this);
    m_writtenDown->setObjectName(QStringLiteral("recoveryKeyWrittenDown"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    m_continue = buttons->button(QDialogButtonBox::Ok);
    m_continue->setText(tr("&Continue"));
    m_continue->setEnabled(false);
    connect(m_writtenDown, &QCheckBox::toggled, m_continue, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecoveryKeyDialog::accept);
    auto *note = new QLabel(tr("Continue is ready once the box above is ticked."), this);
    Theme::setKind(note, Theme::Kind::quiet);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(keyLabel);
    layout->addWidget(key);
    layout->addSpacing(8);
    layout->addWidget(m_writtenDown);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(620);
    m_writtenDown->setFocus();
}

void RecoveryKeyDialog::reject()
{
    // The key exists nowhere else: leaving without it written down is not a choice offered.
    if (m_writtenDown->isChecked())
        QDialog::accept();
}

} // namespace FrontDoor
