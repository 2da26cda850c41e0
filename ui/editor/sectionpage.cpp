#include "sectionpage.h"

#include "editor/questionwidget.h"
#include "theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSet>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

// The widgets Tab reaches, in the order the layout shows them.
void collectFocusables(const QLayout *layout, QList<QWidget *> &into)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *widget = item->widget()) {
            if (widget->focusPolicy() & Qt::TabFocus)
                into.append(widget);
            if (widget->layout())
                collectFocusables(widget->layout(), into);
        } else if (const QLayout *inner = item->layout()) {
            collectFocusables(inner, into);
        }
    }
}

} // namespace

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
    m_guidance = new QLabel(this);
    m_guidance->setObjectName(QStringLiteral("guidance_") + section.id);
    m_guidance->setWordWrap(true);
    m_guidance->setTextFormat(Qt::RichText);
    Theme::setKind(m_guidance, Theme::Kind::guidance);
    m_guidance->hide();
    layout->addWidget(m_guidance);
    for (const Prompt &prompt : section.prompts) {
        auto *label = new QLabel(prompt.text, this); // a framed note: the frame says it is guidance, no icon font needed
        label->setObjectName(QStringLiteral("prompt_") + prompt.id);
        label->setWordWrap(true);
        Theme::setKind(label, prompt.kind == Prompt::Kind::Script ? Theme::Kind::script : Theme::Kind::prompt);
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
    m_byPath.insert(target.path(), widget);
}

QWidget *SectionPage::makeCard(const Person &person, Repeat repeat)
{
    auto *card = new QFrame(m_cardArea);
    card->setObjectName(QStringLiteral("card_") + person.id);
    card->setFrameShape(QFrame::StyledPanel);
    Theme::setKind(card, Theme::Kind::card);
    auto *cardLayout = new QVBoxLayout(card);
    auto *top = new QHBoxLayout;
    const QString kind = repeat == Repeat::PerChild ? tr("Child") : tr("Adult");
    auto *title = new QLabel(QStringLiteral("%1 %2").arg(kind, person.id.mid(1)), card);
    title->setObjectName(QStringLiteral("cardTitle_") + person.id);
    Theme::setKind(title, Theme::Kind::cardTitle);
    top->addWidget(title, 1);
    auto *remove = new QPushButton(tr("Remove %1…").arg(kind.toLower()), card);
    remove->setObjectName(QStringLiteral("remove_") + person.id);
    remove->setAutoDefault(false);
    connect(remove, &QPushButton::clicked, this, [this, repeat, id = person.id] { emit removeRequested(repeat, id); });
    top->addWidget(remove);
    cardLayout->addLayout(top);
    if (repeat == Repeat::PerChild) {
        KnownChild known;
        known.heading = new QLabel(card);
        known.heading->setObjectName(QStringLiteral("matches_") + person.id);
        known.heading->setWordWrap(true);
        known.heading->setTextFormat(Qt::RichText);
        Theme::setKind(known.heading, Theme::Kind::matches);
        known.matches = new QListWidget(card);
        known.matches->setObjectName(QStringLiteral("matchList_") + person.id);
        known.matches->setAccessibleName(tr("Possible earlier referrals about child %1: Enter links one").arg(person.id.mid(1)));
        known.matches->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 8);
        connect(known.matches, &QListWidget::itemActivated, this, [this, id = person.id](QListWidgetItem *item) {
            emit linkRequested(id, item->data(Qt::UserRole).toString());
        });
        known.routing = new QLabel(card);
        known.routing->setObjectName(QStringLiteral("routing_") + person.id);
        known.routing->setWordWrap(true);
        Theme::setKind(known.routing, Theme::Kind::routing);
        for (QWidget *part : {static_cast<QWidget *>(known.heading), static_cast<QWidget *>(known.matches),
                              static_cast<QWidget *>(known.routing)}) {
            part->hide();
            cardLayout->addWidget(part);
        }
        m_knownChild.insert(person.id, known);
    }
    for (const Question &question : m_section.questions) {
        if (question.repeat != repeat)
            continue;
        auto *widget = new QuestionWidget(question, m_profile, m_today, card);
        widget->setObjectName(widget->objectName() + u'_' + person.id);
        cardLayout->addWidget(widget);
        const AnswerTarget target{question.field, repeat, person.id};
        connect(widget, &QuestionWidget::answerChanged, this,
                [this, target](const Answer &answer) { emit answerChanged(target, answer); });
        m_entries.append(Entry{target, widget});
    m_byPath.insert(target.path(), widget);
    }
    return card;
}

// Cards are added and removed one by one, never all rebuilt: adding the 50th child must stay instant.
void SectionPage::syncCards(const Referral &referral)
{
    QList<std::pair<QString, std::pair<const Person *, Repeat>>> wanted;
    if (m_perChild)
        for (const Person &child : referral.children)
            wanted.append({QStringLiteral("c:") + child.id, {&child, Repeat::PerChild}});
    if (m_perAdult)
        for (const Person &adult : referral.adults)
            wanted.append({QStringLiteral("a:") + adult.id, {&adult, Repeat::PerAdult}});

    QSet<QString> keep;
    for (const auto &[key, who] : wanted)
        keep.insert(key);
    for (auto it = m_cardsByPerson.begin(); it != m_cardsByPerson.end();) {
        if (keep.contains(it.key())) {
            ++it;
            continue;
        }
        const QString personId = it.key().mid(2);
        m_knownChild.remove(personId);
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                       [&](const Entry &e) {
                                           if (e.target.personId != personId)
                                               return false;
                                           m_byPath.remove(e.target.path());
                                           return true;
                                       }),
                        m_entries.end());
        delete it.value();
        it = m_cardsByPerson.erase(it);
    }
    for (const auto &[key, who] : wanted) {
        if (m_cardsByPerson.contains(key))
            continue;
        QWidget *card = makeCard(*who.first, who.second);
        if (who.second == Repeat::PerChild) { // children's cards stay above the adults'
            const auto children = std::count_if(m_cardsByPerson.keyBegin(), m_cardsByPerson.keyEnd(),
                                                [](const QString &k) { return k.startsWith(u'c'); });
            m_cards->insertWidget(int(children), card);
        } else {
            m_cards->addWidget(card);
        }
        m_cardsByPerson.insert(key, card);
        chainTabOrder(card);
    }
}

// A card made during the call is put in the Tab order where it stands on screen — after what precedes it on the
// page — not at the end of the window's chain, where Qt puts a new widget.
void SectionPage::chainTabOrder(QWidget *card)
{
    QList<QWidget *> before;
    collectFocusables(layout(), before);
    QList<QWidget *> inCard;
    collectFocusables(card->layout(), inCard);
    if (inCard.isEmpty())
        return;
    const qsizetype first = before.indexOf(inCard.constFirst());
    QWidget *previous = first > 0 ? before.at(first - 1) : nullptr;
    for (QWidget *widget : std::as_const(inCard)) {
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    }
}

void SectionPage::show(const Referral &referral)
{
    syncCards(referral);
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

void SectionPage::showMatches(const QString &personId, const QString &heading,
                              const QList<QPair<QString, QString>> &matches, const QString &routing)
{
    const auto found = m_knownChild.constFind(personId);
    if (found == m_knownChild.cend())
        return;
    const KnownChild &known = *found;
    known.heading->setText(heading);
    known.heading->setVisible(!heading.isEmpty());
    known.matches->clear();
    for (const auto &[reference, line] : matches) {
        auto *item = new QListWidgetItem(line, known.matches);
        item->setData(Qt::UserRole, reference);
    }
    known.matches->setVisible(!matches.isEmpty());
    known.routing->setText(routing);
    known.routing->setVisible(!routing.isEmpty());
}

void SectionPage::showGuidance(const Findings &findings)
{
    QStringList lines;
    for (const Finding &finding : findings) {
        const QuestionWidget *widget = questionFor(finding.path);
        if (!widget || !widget->isVisibleTo(this) || finding.severity == Severity::Outstanding)
            continue;
        lines.append(QStringLiteral("%1 %2 <i>(%3)</i>")
                         .arg(finding.severity == Severity::Blocking ? tr("⚠ <b>Must:</b>") : tr("<b>Note:</b>"),
                              finding.message.toHtmlEscaped(), finding.ruleId));
    }
    m_guidance->setText(tr("<b>What the procedure needs here</b><br>") + lines.join(QStringLiteral("<br>")));
    m_guidance->setVisible(!lines.isEmpty());
}

bool SectionPage::focusFirstQuestion(Qt::FocusReason reason)
{
    for (const Entry &entry : std::as_const(m_entries))
        if (entry.widget->isVisibleTo(this)) {
            entry.widget->focusEditor(reason);
            return true;
        }
    return false;
}

QuestionWidget *SectionPage::questionFor(const QString &path) const
{
    return m_byPath.value(path); // called for every finding after every keystroke: a lookup, not a search
}

} // namespace FrontDoor
