#pragma once

#include <QString>
#include <QStringList>

namespace FrontDoor {

// How an information item stands. An item is *addressed* (NOR-G0) when it holds a value or an explicit
// "not known", "declined" or "not asked — reason": absence of information must never delay a referral, but it must
// be visible that the question was dealt with.
enum class AnswerState {
    Unanswered,
    Given,
    NotKnown,
    Declined,
    NotAsked, // with a reason
};

// One answer to one question. Values are stored in a canonical text form chosen by the question's type
// (ISO dates, E.164 phone numbers, option values); multiple-choice answers use `values`.
class Answer
{
public:
    Answer() = default;

    static Answer given(QString value);
    static Answer givenMany(QStringList values);
    static Answer notKnown();
    static Answer declined(QString reason = {});
    static Answer notAsked(QString reason);

    AnswerState state() const { return m_state; }
    // "Not asked" counts only with its reason (NOR-G0: "not asked because …").
    bool isAddressed() const
    {
        return m_state != AnswerState::Unanswered
               && !(m_state == AnswerState::NotAsked && m_reason.trimmed().isEmpty());
    }
    bool hasValue() const { return m_state == AnswerState::Given; }

    // The single value, or the first of several; empty unless given.
    QString value() const { return m_values.isEmpty() ? QString() : m_values.constFirst(); }
    const QStringList &values() const { return m_values; }
    bool isMultiple() const { return m_multiple; }
    const QString &reason() const { return m_reason; }

    // True when given and equal to `option` (or, for multiple choice, containing it).
    bool is(const QString &option) const { return hasValue() && m_values.contains(option); }

    friend bool operator==(const Answer &, const Answer &) = default;

private:
    AnswerState m_state = AnswerState::Unanswered;
    QStringList m_values;
    bool m_multiple = false;
    QString m_reason;
};

QString answerStateName(AnswerState state);
bool answerStateFromName(const QString &name, AnswerState *state);

} // namespace FrontDoor
