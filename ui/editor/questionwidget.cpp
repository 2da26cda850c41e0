#include "questionwidget.h"

#include "keys.h"
#include "theme.h"
#include "valuecheck.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

// What a field accepts, shown in it while it is empty: a handler should not have to guess a format mid-call.
QString placeholderFor(QuestionType type)
{
    switch (type) {
    case QuestionType::Date: return QuestionWidget::tr("e.g. 12/3/2015 or 12 Mar 2015");
    case QuestionType::DateOrAge: return QuestionWidget::tr("e.g. 12/3/15, 12 Mar 2015, or about 7");
    case QuestionType::DateTime: return QuestionWidget::tr("e.g. today 10:05, or 24/11/2026 10:05");
    case QuestionType::Phone: return QuestionWidget::tr("e.g. 01603 223344 or 07700 900123");
    case QuestionType::Postcode: return QuestionWidget::tr("e.g. NR1 3DH");
    case QuestionType::Email: return QuestionWidget::tr("e.g. name@example.org");
    default: return {};
    }
}

} // namespace

QuestionWidget::QuestionWidget(const Question &question, const Profile &profile, const QDate &today, QWidget *parent)
    : QWidget(parent), m_question(question), m_today(today)
{
    setObjectName(QStringLiteral("question_") + question.id);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 8);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(question.label.toHtmlEscaped()), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    if (!question.help.isEmpty()) {
        auto *help = new QLabel(question.help, this);
        help->setWordWrap(true);
        Theme::setKind(help, Theme::Kind::help);
        layout->addWidget(help);
    }
    m_editorRow = new QHBoxLayout;
    buildEditor(profile);
    // A one-line answer keeps its Not known / Declined / Not asked on its own line, so a section fits the screen.
    const bool compact = m_editorRow->count() > 0;

    m_check = new QLabel(this);
    m_check->setObjectName(objectName() + QStringLiteral("_check"));
    m_check->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setObjectName(objectName() + QStringLiteral("_state"));
    Theme::setKind(m_state, Theme::Kind::answerState);
    auto *notKnown = new QPushButton(tr("Not known (F7)"), this);
    auto *declined = new QPushButton(tr("Declined (F8)"), this);
    auto *notAsked = new QPushButton(tr("Not asked… (F9)"), this);
    m_stateButtons = {notKnown, declined, notAsked};
    for (QPushButton *button : {notKnown, declined, notAsked}) {
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::ClickFocus); // Tab goes from question to question; the keys are F7/F8
        button->setAccessibleName(QStringLiteral("%1 — %2").arg(button->text(), question.label));
        Theme::setKind(button, Theme::Kind::quiet);
    }
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(objectName() + QStringLiteral("_reason"));
    m_reason->setPlaceholderText(tr("Not asked because…"));
    m_reason->setAccessibleName(tr("Why %1 was not asked").arg(question.label));
    m_reason->hide();

    QHBoxLayout *row = compact ? m_editorRow : new QHBoxLayout;
    m_actionRow = row;
    if (!compact)
        row->addWidget(m_check, 1);
    row->addWidget(m_state);
    row->addWidget(notKnown);
    row->addWidget(declined);
    row->addWidget(notAsked);
    layout->addLayout(row);
    if (compact) {
        layout->addWidget(m_check);
        m_check->hide(); // shown when there is something to say
    } else {
        delete m_editorRow; // never used: this answer has its own lines
        m_editorRow = nullptr;
    }
    layout->addWidget(m_reason);

    connect(notKnown, &QPushButton::clicked, this, [this] { chooseState(AnswerState::NotKnown); });
    connect(declined, &QPushButton::clicked, this, [this] { chooseState(AnswerState::Declined); });
    const auto askWhyNotAsked = [this] {
        m_reason->show();
        m_reason->setFocus();
    };
    connect(notAsked, &QPushButton::clicked, this, askWhyNotAsked);
    connect(m_reason, &QLineEdit::editingFinished, this, [this] {
        if (!m_reason->text().trimmed().isEmpty())
            chooseState(AnswerState::NotAsked);
    });
    auto *f7 = new QShortcut(Keys::notKnown, this, [this] { chooseState(AnswerState::NotKnown); });
    auto *f8 = new QShortcut(Keys::declined, this, [this] { chooseState(AnswerState::Declined); });
    auto *f9 = new QShortcut(Keys::notAsked, this, askWhyNotAsked);
    for (QShortcut *key : {f7, f8, f9})
        key->setContext(Qt::WidgetWithChildrenShortcut);
}

void QuestionWidget::buildEditor(const Profile &profile)
{
    const QString name = objectName() + QStringLiteral("_value");
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    const OptionList *options = profile.optionList(m_question.options);
    switch (m_question.type) {
    case QuestionType::LongText:
        m_long = new QPlainTextEdit(this);
        m_long->setObjectName(name);
        m_long->setAccessibleName(m_question.label);
        m_long->setTabChangesFocus(true);
        m_long->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
        connect(m_long, &QPlainTextEdit::textChanged, this, &QuestionWidget::typed);
        layout->addWidget(m_long);
        return;
    case QuestionType::YesNo: {
        m_choices = new QButtonGroup(this);
        QHBoxLayout *row = m_editorRow;
        // Y and N answer the question whose buttons have the focus. Mnemonics would not do: every yes/no question
        // on a page would share Alt+Y, and an ambiguous mnemonic only moves the focus.
        for (const auto &[value, text] : {std::pair{"yes", tr("Yes (Y)")}, std::pair{"no", tr("No (N)")}}) {
            auto *radio = new QRadioButton(text, this);
            radio->setObjectName(name + u'_' + QLatin1String(value));
            radio->setProperty("value", QString::fromLatin1(value));
            radio->setAccessibleName(QStringLiteral("%1: %2").arg(m_question.label, text));
            radio->installEventFilter(this);
            m_choices->addButton(radio);
            row->addWidget(radio);
        }
        row->addStretch(1);
        connect(m_choices, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
            if (on)
                showCheck({}, false); // an earlier "not answered" no longer applies
            if (on)
                typed();
        });
        return;
    }
    case QuestionType::SingleChoice:
        m_combo = new QComboBox(this);
        m_combo->setObjectName(name);
        m_combo->setAccessibleName(m_question.label);
        m_combo->addItem(tr("— choose —"), QString());
        // Long option labels (ethnicities) must not widen the form past the screen; the open list shows them whole.
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(24);
        if (options)
            for (const ChoiceOption &option : options->options)
                m_combo->addItem(option.label, option.value);
        connect(m_combo, &QComboBox::currentIndexChanged, this, &QuestionWidget::typed);
        m_editorRow->addWidget(m_combo, 1);
        return;
    case QuestionType::MultipleChoice:
        m_choices = new QButtonGroup(this);
        m_choices->setExclusive(false);
        if (options)
            for (const ChoiceOption &option : options->options) {
                auto *box = new QCheckBox(QString(option.label).replace(u'&', QStringLiteral("&&")), this); // "A&E" is no mnemonic
                box->setObjectName(name + u'_' + option.value);
                box->setProperty("value", option.value);
                box->setAccessibleName(option.label);
                m_choices->addButton(box);
                layout->addWidget(box);
            }
        connect(m_choices, &QButtonGroup::buttonToggled, this, &QuestionWidget::typed);
        return;
    default:
        m_line = new QLineEdit(this);
        m_line->setObjectName(name);
        m_line->setAccessibleName(m_question.label);
        m_line->setPlaceholderText(placeholderFor(m_question.type));
        connect(m_line, &QLineEdit::textEdited, this, &QuestionWidget::typed);
        m_editorRow->addWidget(m_line, 1);
        return;
    }
}

QString QuestionWidget::typedText() const
{
    return m_line ? m_line->text() : m_long ? m_long->toPlainText() : QString();
}

void QuestionWidget::typed()
{
    if (m_showing)
        return;
    Answer next;
    if (m_line || m_long) {
        const ValueCheck check = ValueCheck::of(m_question, typedText(), m_today);
        showCheck(check.shown, !check.understood);
        if (!check.stored.isEmpty())
            next = Answer::given(check.stored);
    } else if (m_combo) {
        const QString value = m_combo->currentData().toString();
        if (!value.isEmpty())
            next = Answer::given(value);
    } else if (m_choices) {
        QStringList values;
        for (QAbstractButton *button : m_choices->buttons())
            if (button->isChecked())
                values.append(button->property("value").toString());
        if (m_question.type == QuestionType::YesNo && !values.isEmpty())
            next = Answer::given(values.constFirst());
        else if (!values.isEmpty())
            next = Answer::givenMany(values);
    }
    m_answer = next;
    m_state->clear();
    emit answerChanged(m_answer);
}

bool QuestionWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn && m_question.type == QuestionType::YesNo) {
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        m_reachedOnPurpose = reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason
                             || reason == Qt::MouseFocusReason || reason == Qt::ShortcutFocusReason
                             || (m_reachedOnPurpose && reason == Qt::ActiveWindowFocusReason);
        m_focusArrived.start();
    }
    if (event->type() == QEvent::KeyPress && m_question.type == QuestionType::YesNo) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QString value = key->key() == Qt::Key_Y ? QStringLiteral("yes")
                              : key->key() == Qt::Key_N ? QStringLiteral("no")
                                                        : QString();
        // The same key again on the answer it already gave changes nothing, and is not "not answered".
        if (!value.isEmpty() && key->modifiers() == Qt::NoModifier && m_answer.is(value))
            return true;
        if (!value.isEmpty() && key->modifiers() == Qt::NoModifier && !m_reachedOnPurpose
            && m_focusArrived.isValid() && m_focusArrived.elapsed() < settleMsecs) {
            // Typed as the page changed under the person's hands: answers nothing, and says so.
            showCheck(tr("Not answered: the cursor had only just arrived here. Press %1 again to answer.")
                          .arg(value == QLatin1String("yes") ? QStringLiteral("Y") : QStringLiteral("N")),
                      true);
            return true;
        }
        if (!value.isEmpty() && key->modifiers() == Qt::NoModifier) {
            for (QAbstractButton *button : m_choices->buttons())
                if (button->property("value").toString() == value) {
                    button->setChecked(true);
                    button->setFocus();
                }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QuestionWidget::chooseState(AnswerState state)
{
    switch (state) {
    case AnswerState::NotKnown: m_answer = Answer::notKnown(); break;
    case AnswerState::Declined: m_answer = Answer::declined(); break;
    case AnswerState::NotAsked: m_answer = Answer::notAsked(m_reason->text().trimmed()); break;
    default: return;
    }
    setAnswer(m_answer);
    emit answerChanged(m_answer);
}

void QuestionWidget::showCheck(const QString &text, bool problem)
{
    m_check->setText(text.isEmpty() ? QString() : (problem ? QStringLiteral("⚠ ") : QStringLiteral("✓ ")) + text);
    Theme::setKind(m_check, problem ? Theme::Kind::checkProblem : Theme::Kind::checkOk);
    if (m_editorRow)
        m_check->setVisible(!text.isEmpty());
}

void QuestionWidget::setAnswer(const Answer &answer)
{
    m_showing = true;
    m_answer = answer;
    const QString value = answer.hasValue() ? answer.value() : QString();
    if (m_line) {
        m_line->setText(value);
    } else if (m_long) {
        if (m_long->toPlainText() != value)
            m_long->setPlainText(value);
    } else if (m_combo) {
        const int index = m_combo->findData(value);
        m_combo->setCurrentIndex(index < 0 ? 0 : index);
    } else if (m_choices) {
        for (QAbstractButton *button : m_choices->buttons()) {
            const bool on = answer.is(button->property("value").toString());
            if (m_question.type == QuestionType::YesNo && !on && button->isChecked()) {
                m_choices->setExclusive(false); // an exclusive group cannot be emptied otherwise
                button->setChecked(false);
                m_choices->setExclusive(true);
            } else {
                button->setChecked(on);
            }
        }
    }
    if (m_line || m_long) {
        const ValueCheck check = ValueCheck::of(m_question, value, m_today);
        showCheck(check.shown, !check.understood);
    }
    switch (answer.state()) {
    case AnswerState::NotKnown: m_state->setText(tr("Not known")); break;
    case AnswerState::Declined: m_state->setText(tr("Declined")); break;
    case AnswerState::NotAsked: m_state->setText(tr("Not asked: %1").arg(answer.reason())); break;
    default: m_state->clear(); break;
    }
    m_showing = false;
}

void QuestionWidget::showAsRecord()
{
    for (QPushButton *button : std::as_const(m_stateButtons))
        button->hide();
}

void QuestionWidget::focusEditor(Qt::FocusReason reason)
{
    if (m_line)
        m_line->setFocus(reason);
    else if (m_long)
        m_long->setFocus(reason);
    else if (m_combo)
        m_combo->setFocus(reason);
    else if (m_choices && !m_choices->buttons().isEmpty())
        m_choices->buttons().constFirst()->setFocus(reason);
    if (reason != Qt::OtherFocusReason)
        m_reachedOnPurpose = true; // also when the cursor was already there: no focus event says so
}

} // namespace FrontDoor

namespace FrontDoor {

QPushButton *QuestionWidget::addActionButton(const QString &text, const QString &name)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setAutoDefault(false);
    m_actionRow->insertWidget(1, button);
    return button;
}

void QuestionWidget::setUnavailableOptions(const QMap<QString, QString> &reasons)
{
    if (!m_combo)
        return;
    auto *model = qobject_cast<QStandardItemModel *>(m_combo->model());
    if (!model)
        return;
    for (int row = 1; row < model->rowCount(); ++row) {
        QStandardItem *item = model->item(row);
        const QString value = item->data(Qt::UserRole).toString();
        const bool unavailable = reasons.contains(value);
        item->setEnabled(!unavailable);
        item->setToolTip(unavailable ? reasons.value(value) : QString());
    }
    QStringList why;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        why.append(it.value());
    if (!why.isEmpty())
        m_check->setText(tr("Not available: %1").arg(why.join(u' ')));
    else if (m_check->text().startsWith(tr("Not available")))
        m_check->clear();
    if (m_editorRow)
        m_check->setVisible(!m_check->text().isEmpty());
}

} // namespace FrontDoor
