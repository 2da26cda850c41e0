#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace FrontDoor {

struct Person;
struct Referral;

// When a section, question or prompt applies. Written in profiles as JSON:
//   {"field": "referrer.type", "equals": "professional"}
//   {"field": "referrer.type", "in": ["memberOfPublic", "anonymous"]}
//   {"field": "consent.decision", "answered": true}
//   {"anyChild": {"field": "unborn", "equals": "yes"}}
//   {"all": [ … ]}, {"any": [ … ]}, {"not": { … }}
// A field with a dot is a referral-level key; one without is the current person's (in a per-child or per-adult
// question), or for "anyChild"/"anyAdult" each person's in turn. An empty condition always holds.
class Condition
{
public:
    enum class Kind { Always, Equals, In, Answered, All, Any, Not, AnyChild, AnyAdult };

    Condition() = default;
    static Condition equals(QString field, QString value);
    static Condition in(QString field, QStringList values);
    static Condition answered(QString field);
    static Condition all(QList<Condition> parts);
    static Condition any(QList<Condition> parts);
    static Condition negate(Condition part);
    static Condition anyChild(Condition part);
    static Condition anyAdult(Condition part);

    Kind kind() const { return m_kind; }
    bool isAlways() const { return m_kind == Kind::Always; }
    const QString &field() const { return m_field; }
    const QStringList &values() const { return m_values; }
    const QList<Condition> &parts() const { return m_parts; }

    // `person` is the card a per-person question is asked about, or null at referral level.
    bool holds(const Referral &referral, const Person *person = nullptr) const;

    // Every field the condition reads (for the loader's checks).
    QStringList fields() const;

private:
    Kind m_kind = Kind::Always;
    QString m_field;
    QStringList m_values;
    QList<Condition> m_parts;
};

} // namespace FrontDoor
