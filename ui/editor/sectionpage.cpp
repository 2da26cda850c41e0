#include "sectionpage.h"

#include "editor/questionwidget.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace FrontDoor {

SectionPage::SectionPage(const Section &section, const Profile &profile, const QDate &today, QWidget *parent)
    : QWidget(parent), m_section(section), m_profile(profile), m_today(today)
{
    setObjectName(QStringLiteral("section_") + section.id);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(section.title.toHtmlEscaped()), this);
    layout->addWidget(title);
    if (!section.help.isEmpty()) {
        auto *help = new QLabel(section.help, this);
        help->setWordWrap(true);
        layout->addWidget(help);
    }
    for (const Prompt &prompt : section.prompts) {
        auto *label = new QLabel(prompt.text, this); // a framed note: the frame says it is guidance, no icon font needed
        label->setObjectName(QStringLiteral("prompt_") + prompt.id);
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("background: #eef3f8; border-left: 4px solid #4a6f94; padding: 6px;"));
        layout->addWidget(label);
        m_prompts.append({prompt, label});
    }
    for (const Question &question : section.questions) {
        if (question.repeat == Repeat::None)
            addQuestion(question, AnswerTarget{question.field, Repeat::None, {}}, layout);
        m_perChild = m_perChild || question.repeat == Repeat::PerChild;
        m_perAdult = m_perAdult || question.repeat == Repeat::PerAdult;
    }
    m_cardArea = new QWidget(this);
    m_cards = new QVBoxLayout(m_cardArea);
    m_cards->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_cardArea);
    layout->addStretch(1);
}

void SectionPage::addQuestion(const Question &question, const AnswerTarget &target, QVBoxLayout *into)
{
    auto *widget = new QuestionWidget(question, m_profile, m_today, this);
    if (!target.personId.isEmpty())
        widget->setObjectName(widget->objectName() + u'_' + target.personId);
    into->addWidget(widget);
    connect(widget, &QuestionWidget::answerChanged, this,
            [this, target](const Answer &answer) { emit answerChanged(target, answer); });
    m_entries.append(Entry{target, widget});
}

void SectionPage::rebuildCards(const Referral &referral)
{
    QStringList people;
    if (m_perChild)
        for (const Person &child : referral.children)
            people.append(QStringLiteral("c:") + child.id);
    if (m_perAdult)
        for (const Person &adult : referral.adults)
            people.append(QStringLiteral("a:") + adult.id);
    if (people == m_cardPeople)
        return;
    m_cardPeople = people;
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [](const Entry &e) { return !e.target.personId.isEmpty(); }),
                    m_entries.end());
    while (QLayoutItem *item = m_cards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto addCard = [&](const Person &person, Repeat repeat, int number) {
        auto *card = new QFrame(m_cardArea);
        card->setObjectName(QStringLiteral("card_") + person.id);
        card->setFrameShape(QFrame::StyledPanel);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->addWidget(new QLabel(QStringLiteral("<b>%1 %2</b>")
                                             .arg(repeat == Repeat::PerChild ? tr("Child") : tr("Adult"))
                                             .arg(number),
                                         card));
        for (const Question &question : m_section.questions)
            if (question.repeat == repeat) {
                auto *widget = new QuestionWidget(question, m_profile, m_today, card);
                widget->setObjectName(widget->objectName() + u'_' + person.id);
                cardLayout->addWidget(widget);
                const AnswerTarget target{question.field, repeat, person.id};
                connect(widget, &QuestionWidget::answerChanged, this,
                        [this, target](const Answer &answer) { emit answerChanged(target, answer); });
                m_entries.append(Entry{target, widget});
            }
        m_cards->addWidget(card);
    };
    int number = 0;
    if (m_perChild)
        for (const Person &child : referral.children)
            addCard(child, Repeat::PerChild, ++number);
    number = 0;
    if (m_perAdult)
        for (const Person &adult : referral.adults)
            addCard(adult, Repeat::PerAdult, ++number);
}

void SectionPage::show(const Referral &referral)
{
    rebuildCards(referral);
    for (const Entry &entry : std::as_const(m_entries)) {
        const Person *person = entry.target.person(referral);
        const bool relevant = entry.widget->question().when.holds(referral, person);
        entry.widget->setVisible(relevant);
        const Answer answer = entry.target.read(referral);
        if (!(entry.widget->answer() == answer))
            entry.widget->setAnswer(answer);
    }
    for (const auto &[prompt, label] : std::as_const(m_prompts))
        label->setVisible(prompt.when.holds(referral));
}

QuestionWidget *SectionPage::questionFor(const QString &path) const
{
    for (const Entry &entry : m_entries)
        if (entry.target.path() == path)
            return entry.widget;
    return nullptr;
}

} // namespace FrontDoor
