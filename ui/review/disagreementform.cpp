#include "disagreementform.h"

#include "common/uktime.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QUuid>
#include <QVBoxLayout>

namespace FrontDoor {

DisagreementForm::DisagreementForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("disagreementForm"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<b>The referring agency disagrees with the decision</b> (NOR-R6): they discuss it "
                                  "with the social worker's line manager first; unresolved, it is escalated under "
                                  "Resolving Professional Disagreements."),
                               this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_earlier = new QListWidget(this);
    m_earlier->setObjectName(QStringLiteral("disagreementsRecorded"));
    m_earlier->setAccessibleName(tr("Disagreements recorded"));
    m_earlier->setWordWrap(true);
    m_earlier->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    layout->addWidget(m_earlier);

    const auto text = [this](const QString &name, int lines) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(name);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(fontMetrics().lineSpacing() * lines + 12);
        return edit;
    };
    m_agency = new QLineEdit(this);
    m_agency->setObjectName(QStringLiteral("disagreementAgency"));
    m_about = text(QStringLiteral("disagreementAbout"), 3);
    m_discussedWith = new QLineEdit(this);
    m_discussedWith->setObjectName(QStringLiteral("disagreementDiscussedWith"));
    m_escalatedTo = new QLineEdit(this);
    m_escalatedTo->setObjectName(QStringLiteral("disagreementEscalatedTo"));
    m_escalatedTo->setPlaceholderText(tr("empty while not escalated"));
    m_outcome = text(QStringLiteral("disagreementOutcome"), 2);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Agency:"), m_agency);
    form->addRow(tr("What they disagree &with:"), m_about);
    form->addRow(tr("&Discussed with:"), m_discussedWith);
    form->addRow(tr("&Escalated to:"), m_escalatedTo);
    form->addRow(tr("&Outcome:"), m_outcome);
    layout->addLayout(form);
    auto *record = new QPushButton(tr("Record the disagreement"), this);
    record->setObjectName(QStringLiteral("recordDisagreement"));
    connect(record, &QPushButton::clicked, this, &DisagreementForm::ready);
    layout->addWidget(record, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void DisagreementForm::show(const Referral &referral)
{
    m_earlier->clear();
    for (const Disagreement &d : referral.disagreements)
        m_earlier->addItem(tr("%1 — %2: %3%4 — %5")
                               .arg(UkTime::text(d.at, QStringLiteral("d MMM HH:mm")),
                                    d.agency,
                                    d.about,
                                    d.escalatedTo.isEmpty() ? QString() : tr(" (escalated to %1)").arg(d.escalatedTo),
                                    d.outcome.isEmpty() ? tr("outcome not yet recorded") : d.outcome));
    if (referral.disagreements.isEmpty())
        m_earlier->addItem(tr("No disagreement recorded."));
}

Referral DisagreementForm::withDisagreement(const Referral &base, const QString &who, const QDateTime &when) const
{
    Referral next = base;
    next.disagreements.append(Disagreement{QStringLiteral("g-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8),
                                           when, m_agency->text().trimmed(), m_about->toPlainText().trimmed(),
                                           m_discussedWith->text().trimmed(), m_escalatedTo->text().trimmed(),
                                           m_outcome->toPlainText().trimmed(), who});
    return next;
}

bool DisagreementForm::hasTyped() const
{
    for (QLineEdit *field : {m_agency, m_discussedWith, m_escalatedTo})
        if (!field->text().trimmed().isEmpty())
            return true;
    return !m_about->toPlainText().trimmed().isEmpty() || !m_outcome->toPlainText().trimmed().isEmpty();
}

void DisagreementForm::clear()
{
    for (QLineEdit *field : {m_agency, m_discussedWith, m_escalatedTo})
        field->clear();
    m_about->clear();
    m_outcome->clear();
}

} // namespace FrontDoor
