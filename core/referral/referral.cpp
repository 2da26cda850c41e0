#include "referral/referral.h"

#include <array>
#include <utility>

namespace FrontDoor {

namespace {
constexpr std::array<std::pair<ReferralStatus, const char *>, 5> statusNames{{
    {ReferralStatus::Draft, "draft"},
    {ReferralStatus::Submitted, "submitted"},
    {ReferralStatus::Decided, "decided"},
    {ReferralStatus::Closed, "closed"},
    {ReferralStatus::Discarded, "discarded"},
}};

constexpr std::array<std::pair<ActionStatus, const char *>, 3> actionStatusNames{{
    {ActionStatus::Open, "open"},
    {ActionStatus::Done, "done"},
    {ActionStatus::Cancelled, "cancelled"},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
bool valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name, Enum *value)
{
    for (const auto &[entry, text] : table) {
        if (name == QLatin1String(text)) {
            *value = entry;
            return true;
        }
    }
    return false;
}

template<typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}
} // namespace

QString referralStatusName(ReferralStatus status)
{
    return nameOf(statusNames, status);
}

bool referralStatusFromName(const QString &name, ReferralStatus *status)
{
    return valueOf(statusNames, name, status);
}

QString actionStatusName(ActionStatus status)
{
    return nameOf(actionStatusNames, status);
}

bool actionStatusFromName(const QString &name, ActionStatus *status)
{
    return valueOf(actionStatusNames, name, status);
}

void Referral::setAnswer(QAnyStringView key, Answer value)
{
    if (value.state() == AnswerState::Unanswered)
        answers.remove(key.toString());
    else
        answers.insert(key.toString(), std::move(value));
}

const Person *Referral::child(const QString &id) const
{
    return findById(children, id);
}

const Person *Referral::adult(const QString &id) const
{
    return findById(adults, id);
}

const ChildOutcome *Referral::outcomeFor(const QString &childId) const
{
    for (const ChildOutcome &outcome : outcomes) {
        if (outcome.childId == childId)
            return &outcome;
    }
    return nullptr;
}

} // namespace FrontDoor
