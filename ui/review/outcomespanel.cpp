#include "outcomespanel.h"

#include "referral/fields.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

OutcomesPanel::OutcomesPanel(const Profile &profile, QWidget *parent) : QWidget(parent), m_profile(profile)
{
    setObjectName(QStringLiteral("outcomesPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<b>An outcome for each child, with the reasons</b> (NOR-O1, LIN-O3)"), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_rows = new QVBoxLayout;
    layout->addLayout(m_rows);

    auto *priorityForm = new QFormLayout;
    priorityForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // Made in the order they are shown, which is the order Tab reaches them.
    m_consentApproved = new QCheckBox(tr("I &approve the call's consent decision (NOR-C4, C5)"), this);
    m_consentApproved->setObjectName(QStringLiteral("consentApproved"));
    m_consentNote = new QLineEdit(this);
    m_consentNote->setObjectName(QStringLiteral("consentApprovalNote"));
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("decisionPriority"));
    m_priority->addItem(tr("— choose —"), QString());
    m_priority->addItem(tr("Red — act now"), QStringLiteral("red"));
    m_priority->addItem(tr("Amber — act within the timescale"), QStringLiteral("amber"));
    m_priority->addItem(tr("Green — no immediate risk"), QStringLiteral("green"));
    m_priority->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_priority->setMinimumContentsLength(14);
    m_priorityWhy = new QLineEdit(this);
    m_priorityWhy->setObjectName(QStringLiteral("decisionPriorityRationale"));
    priorityForm->addRow(m_consentApproved);
    priorityForm->addRow(tr("Approval &note:"), m_consentNote);
    priorityForm->addRow(tr("&Priority:"), m_priority);
    priorityForm->addRow(tr("Priority ra&tionale:"), m_priorityWhy);
    layout->addLayout(priorityForm);
    m_questions = new QVBoxLayout; // the profile's decision-stage questions: answered before recording
    layout->addLayout(m_questions);

    auto *record = new QPushButton(tr("Record the &decision"), this);
    record->setObjectName(QStringLiteral("recordDecision"));
    Theme::setKind(record, Theme::Kind::primary);
    connect(record, &QPushButton::clicked, this, &OutcomesPanel::recordRequested);
    layout->addWidget(record, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void OutcomesPanel::addQuestions(QWidget *questions)
{
    m_questions->addWidget(questions);
}

void OutcomesPanel::show(const Referral &referral)
{
    QStringList ids;
    for (const Person &child : referral.children)
        ids.append(child.id);
    QStringList shown;
    for (const ChildRow &row : std::as_const(m_children))
        shown.append(row.childId);
    if (ids != shown) {
        for (const ChildRow &row : std::as_const(m_children))
            delete row.outcome->parentWidget();
        m_children.clear();
        const OptionList *outcomes = m_profile.optionList(m_profile.outcomeList);
        const OptionList *alternatives = m_profile.optionList(QStringLiteral("nfaAlternatives"));
        for (const Person &child : referral.children) {
            auto *box = new QFrame(this);
            Theme::setKind(box, Theme::Kind::card);
            auto *form = new QFormLayout(box);
            form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above their fields: the panel is narrow
            const QString name = child.answer(Field::personName).hasValue() ? child.answer(Field::personName).value()
                                                                            : tr("name not known");
            form->addRow(new QLabel(tr("<b>Child %1 — %2</b>").arg(child.id.mid(1), name.toHtmlEscaped()), box));
            ChildRow row{child.id, new QComboBox(box), new QPlainTextEdit(box), new QWidget(box)};
            row.outcome->setObjectName(QStringLiteral("outcome_") + child.id);
            row.outcome->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            row.outcome->setMinimumContentsLength(16); // the open list shows the long labels whole
            row.outcome->addItem(tr("— choose —"), QString());
            if (outcomes)
                for (const ChoiceOption &option : outcomes->options)
                    row.outcome->addItem(option.label, option.value);
            row.rationale->setObjectName(QStringLiteral("outcomeRationale_") + child.id);
            row.rationale->setTabChangesFocus(true);
            row.rationale->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
            auto *alternativesLayout = new QVBoxLayout(row.alternatives);
            alternativesLayout->setContentsMargins(0, 0, 0, 0);
            if (alternatives)
                for (const ChoiceOption &option : alternatives->options) {
                    auto *check = new QCheckBox(QString(option.label).replace(u'&', QStringLiteral("&&")), row.alternatives);
                    check->setObjectName(QStringLiteral("alternative_%1_%2").arg(child.id, option.value));
                    check->setProperty("value", option.value);
                    alternativesLayout->addWidget(check);
                }
            row.alternatives->setVisible(false);
            connect(row.outcome, &QComboBox::currentIndexChanged, row.alternatives, [row] {
                row.alternatives->setVisible(row.outcome->currentData().toString() == QLatin1String("noFurtherAction"));
            });
            const auto labelled = [box](const QString &text, QWidget *buddy) {
                auto *label = new QLabel(text, box);
                label->setBuddy(buddy);
                buddy->setAccessibleName(QString(text).remove(u'&').remove(u':'));
                return label;
            };
            form->addRow(labelled(tr("Outcome:"), row.outcome), row.outcome);
            form->addRow(labelled(tr("Reasons:"), row.rationale), row.rationale);
            form->addRow(labelled(tr("Alternatives offered (no further action, ALL-T6):"), row.alternatives),
                         row.alternatives);
            m_rows->addWidget(box);
            m_children.append(row);
        }
    }
    // What is recorded is shown; what is not yet recorded is left as the supervisor typed it — recording a
    // discussion in the meantime must not wipe a half-made decision from the screen.
    for (const ChildRow &row : std::as_const(m_children)) {
        const ChildOutcome *outcome = referral.outcomeFor(row.childId);
        if (!outcome)
            continue;
        row.outcome->setCurrentIndex(std::max(0, row.outcome->findData(outcome->outcome)));
        if (row.rationale->toPlainText() != outcome->rationale)
            row.rationale->setPlainText(outcome->rationale);
        for (QCheckBox *check : row.alternatives->findChildren<QCheckBox *>())
            check->setChecked(outcome->alternatives.contains(check->property("value").toString()));
    }
    if (const Answer priority = referral.answer(Field::decisionPriority); priority.hasValue())
        m_priority->setCurrentIndex(std::max(0, m_priority->findData(priority.value())));
    if (const Answer why = referral.answer(Field::decisionPriorityRationale); why.hasValue())
        m_priorityWhy->setText(why.value());
    if (referral.answerIs(Field::decisionConsentApproved, Option::yes))
        m_consentApproved->setChecked(true);
    if (const Answer note = referral.answer(Field::decisionConsentApprovalNote); note.hasValue())
        m_consentNote->setText(note.value());
}

Referral OutcomesPanel::withDecision(const Referral &base, const QString &who, const QDateTime &when) const
{
    Referral next = base;
    for (const ChildRow &row : m_children) {
        const QString value = row.outcome->currentData().toString();
        if (value.isEmpty())
            continue;
        ChildOutcome outcome{row.childId, value, row.rationale->toPlainText().trimmed(), {}, who, when};
        if (value == QLatin1String("noFurtherAction"))
            for (QCheckBox *check : row.alternatives->findChildren<QCheckBox *>())
                if (check->isChecked())
                    outcome.alternatives.append(check->property("value").toString());
        const ChildOutcome *before = base.outcomeFor(row.childId);
        if (before && before->outcome == outcome.outcome && before->rationale == outcome.rationale
            && before->alternatives == outcome.alternatives)
            continue; // unchanged: keeps who decided it and when
        next.outcomes.erase(std::remove_if(next.outcomes.begin(), next.outcomes.end(),
                                           [&](const ChildOutcome &o) { return o.childId == row.childId; }),
                            next.outcomes.end());
        next.outcomes.append(outcome);
    }
    if (const QString priority = m_priority->currentData().toString(); !priority.isEmpty())
        next.setAnswer(Field::decisionPriority, Answer::given(priority));
    if (const QString why = m_priorityWhy->text().trimmed(); !why.isEmpty())
        next.setAnswer(Field::decisionPriorityRationale, Answer::given(why));
    if (m_consentApproved->isChecked())
        next.setAnswer(Field::decisionConsentApproved, Answer::given(Option::yes.toString()));
    if (const QString note = m_consentNote->text().trimmed(); !note.isEmpty())
        next.setAnswer(Field::decisionConsentApprovalNote, Answer::given(note));
    return next;
}

} // namespace FrontDoor
