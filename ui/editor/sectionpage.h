#pragma once

#include "editor/answertarget.h"
#include "profile/profile.h"
#include "referral/referral.h"
#include "rules/finding.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QVBoxLayout;

namespace FrontDoor {

class QuestionWidget;

// One section of the profile: its referral-level questions, then a card per child or adult for its per-person
// questions, and the prompts that apply (NOR-L2/L3 listening prompts, the NOR-A3 script…). Questions and prompts
// whose condition does not hold are hidden, not removed, so what was typed is never lost.
class SectionPage : public QWidget
{
    Q_OBJECT

public:
    SectionPage(const Section &section, const Profile &profile, const QDate &today, QWidget *parent = nullptr);

    const Section &section() const { return m_section; }
    // Rebuilds the person cards if people were added or removed, shows each answer, and applies the conditions.
    void show(const Referral &referral);
    // "What the procedure needs here": the core's findings on this section's items, in its own words, so that a
    // decision's consequences (consent, identity) are read where the decision is made.
    void showGuidance(const Findings &findings);
    // The question widget for a finding's path, or null.
    QuestionWidget *questionFor(const QString &path) const;
    // Puts the cursor in the first question shown on this page; false when none is shown.
    bool focusFirstQuestion(Qt::FocusReason reason = Qt::OtherFocusReason);
    // The known-child check's result beside a child's card, on every section that shows the card: a heading, the
    // possible matches (reference → line; Enter on one links it), and the routing for a linked open case.
    void showMatches(const QString &personId, const QString &heading, const QList<QPair<QString, QString>> &matches,
                     const QString &routing);

signals:
    void answerChanged(const AnswerTarget &target, const Answer &answer);
    void removeRequested(Repeat repeat, const QString &personId);
    void linkRequested(const QString &childId, const QString &reference);

private:
    struct Entry
    {
        AnswerTarget target;
        QuestionWidget *widget = nullptr;
    };
    void addQuestion(const Question &question, const AnswerTarget &target, QVBoxLayout *into);
    void syncCards(const Referral &referral);
    QWidget *makeCard(const Person &person, Repeat repeat);
    void chainTabOrder(QWidget *card);

    Section m_section;
    const Profile &m_profile; // not owned; outlives the editor
    QDate m_today;
    QLabel *m_guidance = nullptr;
    QVBoxLayout *m_cards = nullptr;
    QWidget *m_cardArea = nullptr;
    QList<Entry> m_entries;
    QHash<QString, QuestionWidget *> m_byPath; // an entry's answer path → its widget
    QList<QPair<Prompt, QLabel *>> m_prompts;
    QMap<QString, QWidget *> m_cardsByPerson; // "c:c1", "a:a2" → its card
    struct KnownChild
    {
        QLabel *heading = nullptr;
        QListWidget *matches = nullptr;
        QLabel *routing = nullptr;
    };
    QMap<QString, KnownChild> m_knownChild; // child id → its known-child check on this page
    bool m_perChild = false;
    bool m_perAdult = false;
};

} // namespace FrontDoor
