#include "referral/answer.h"

#include <array>
#include <utility>

namespace FrontDoor {

namespace {
constexpr std::array<std::pair<AnswerState, const char *>, 5> stateNames{{
    {AnswerState::Unanswered, "unanswered"},
    {AnswerState::Given, "given"},
    {AnswerState::NotKnown, "notKnown"},
    {AnswerState::Declined, "declined"},
    {AnswerState::NotAsked, "notAsked"},
}};
} // namespace

Answer Answer::given(QString value)
{
    Answer answer;
    if (value.trimmed().isEmpty())
        return answer; // an empty value is no answer
    answer.m_state = AnswerState::Given;
    answer.m_values = QStringList{std::move(value)};
    return answer;
}

Answer Answer::givenMany(QStringList values)
{
    Answer answer;
    values.removeAll(QString());
    if (values.isEmpty())
        return answer;
    answer.m_multiple = true;
    answer.m_state = AnswerState::Given;
    answer.m_values = std::move(values);
    return answer;
}

Answer Answer::notKnown()
{
    Answer answer;
    answer.m_state = AnswerState::NotKnown;
    return answer;
}

Answer Answer::declined(QString reason)
{
    Answer answer;
    answer.m_state = AnswerState::Declined;
    answer.m_reason = std::move(reason);
    return answer;
}

Answer Answer::notAsked(QString reason)
{
    Answer answer;
    answer.m_state = AnswerState::NotAsked;
    answer.m_reason = std::move(reason);
    return answer;
}

QString answerStateName(AnswerState state)
{
    for (const auto &[value, name] : stateNames) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

bool answerStateFromName(const QString &name, AnswerState *state)
{
    for (const auto &[value, text] : stateNames) {
        if (name == QLatin1String(text)) {
            *state = value;
            return true;
        }
    }
    return false;
}

} // namespace FrontDoor
