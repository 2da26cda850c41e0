#include "answertarget.h"

namespace FrontDoor {

QString AnswerTarget::path() const
{
    switch (repeat) {
    case Repeat::PerChild: return QStringLiteral("children[%1].%2").arg(personId, field);
    case Repeat::PerAdult: return QStringLiteral("adults[%1].%2").arg(personId, field);
    case Repeat::None: break;
    }
    return field;
}

const Person *AnswerTarget::person(const Referral &referral) const
{
    switch (repeat) {
    case Repeat::PerChild: return referral.child(personId);
    case Repeat::PerAdult: return referral.adult(personId);
    case Repeat::None: break;
    }
    return nullptr;
}

Answer AnswerTarget::read(const Referral &referral) const
{
    if (repeat == Repeat::None)
        return referral.answer(field);
    const Person *who = person(referral);
    return who ? who->answer(field) : Answer();
}

void AnswerTarget::write(Referral &referral, const Answer &answer) const
{
    if (repeat == Repeat::None) {
        referral.setAnswer(field, answer);
        return;
    }
    QList<Person> &people = repeat == Repeat::PerChild ? referral.children : referral.adults;
    for (Person &who : people) {
        if (who.id != personId)
            continue;
        if (answer.state() == AnswerState::Unanswered)
            who.answers.remove(field);
        else
            who.answers.insert(field, answer);
    }
}

} // namespace FrontDoor
