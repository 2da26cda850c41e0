#include "profile/condition.h"

#include "referral/referral.h"

namespace FrontDoor {

namespace {
Answer answerFor(const QString &field, const Referral &referral, const Person *person)
{
    if (field.contains(QLatin1Char('.')) || !person)
        return referral.answers.value(field);
    return person->answers.value(field);
}

bool matches(const Answer &answer, const QStringList &values)
{
    if (!answer.hasValue())
        return false;
    for (const QString &value : answer.values()) {
        if (values.contains(value))
            return true;
    }
    return false;
}
} // namespace

Condition Condition::equals(QString field, QString value)
{
    Condition c;
    c.m_kind = Kind::Equals;
    c.m_field = std::move(field);
    c.m_values = QStringList{std::move(value)};
    return c;
}

Condition Condition::in(QString field, QStringList values)
{
    Condition c;
    c.m_kind = Kind::In;
    c.m_field = std::move(field);
    c.m_values = std::move(values);
    return c;
}

Condition Condition::answered(QString field)
{
    Condition c;
    c.m_kind = Kind::Answered;
    c.m_field = std::move(field);
    return c;
}

Condition Condition::all(QList<Condition> parts)
{
    Condition c;
    c.m_kind = Kind::All;
    c.m_parts = std::move(parts);
    return c;
}

Condition Condition::any(QList<Condition> parts)
{
    Condition c;
    c.m_kind = Kind::Any;
    c.m_parts = std::move(parts);
    return c;
}

Condition Condition::negate(Condition part)
{
    Condition c;
    c.m_kind = Kind::Not;
    c.m_parts = QList<Condition>{std::move(part)};
    return c;
}

Condition Condition::anyChild(Condition part)
{
    Condition c;
    c.m_kind = Kind::AnyChild;
    c.m_parts = QList<Condition>{std::move(part)};
    return c;
}

Condition Condition::anyAdult(Condition part)
{
    Condition c;
    c.m_kind = Kind::AnyAdult;
    c.m_parts = QList<Condition>{std::move(part)};
    return c;
}

bool Condition::holds(const Referral &referral, const Person *person) const
{
    switch (m_kind) {
    case Kind::Always:
        return true;
    case Kind::Equals:
    case Kind::In:
        return matches(answerFor(m_field, referral, person), m_values);
    case Kind::Answered:
        return answerFor(m_field, referral, person).isAddressed();
    case Kind::All:
        for (const Condition &part : m_parts) {
            if (!part.holds(referral, person))
                return false;
        }
        return true;
    case Kind::Any:
        for (const Condition &part : m_parts) {
            if (part.holds(referral, person))
                return true;
        }
        return false;
    case Kind::Not:
        return !m_parts.constFirst().holds(referral, person);
    case Kind::AnyChild:
    case Kind::AnyAdult:
        for (const Person &each : m_kind == Kind::AnyChild ? referral.children : referral.adults) {
            if (m_parts.constFirst().holds(referral, &each))
                return true;
        }
        return false;
    }
    return false;
}

QStringList Condition::fields() const
{
    QStringList result;
    if (!m_field.isEmpty())
        result << m_field;
    for (const Condition &part : m_parts)
        result << part.fields();
    return result;
}

} // namespace FrontDoor
