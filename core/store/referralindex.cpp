#include "store/referralindex.h"

#include "referral/fields.h"
#include "referral/phonetickey.h"
#include "referral/referralfacts.h"
#include "referral/spokendate.h"
#include "referral/textfold.h"

#include <QRegularExpression>

#include <algorithm>

namespace FrontDoor::ReferralIndex {

namespace {

const QStringList referralLevelText{Field::referrerName.toString(),
                                    Field::familyAddress.toString(),
                                    Field::familyPostcode.toString(),
                                    Field::familyPreviousAddresses.toString(),
                                    Field::referrerAddress.toString()};
const QStringList personText{QStringLiteral("name"), QStringLiteral("aliases"), QStringLiteral("school")};

QDate birthDateOf(const Person &person)
{
    const Answer answer = person.answer(Field::personDateOfBirth);
    return answer.hasValue() ? QDate::fromString(answer.value(), Qt::ISODate) : QDate();
}

QStringList nameWords(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral(R"([\s\-]+)"));
    QStringList words;
    for (const QString &word : foldForSearch(name).split(separators, Qt::SkipEmptyParts)) {
        QString letters = word;
        letters.remove(u'\'');
        if (std::any_of(letters.cbegin(), letters.cend(), [](QChar c) { return c.isLetter(); }))
            words.append(letters);
    }
    return words;
}

} // namespace

QString birthTokens(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QStringLiteral("dob%1 dob%2 dob%3")
        .arg(date.toString(QStringLiteral("yyyyMMdd")), date.toString(QStringLiteral("yyyyMM")),
             date.toString(QStringLiteral("yyyy")));
}

QString searchWords(const QString &text)
{
    QString words = foldForSearch(text);
    for (QChar &c : words)
        if (!c.isLetterOrNumber())
            c = u' ';
    return words.simplified();
}

QString indexedBody(const QString &searchText, bool server)
{
    return server ? searchText : searchWords(searchText);
}

QString searchText(const Referral &referral)
{
    QStringList parts{referral.reference};
    for (const QString &key : referralLevelText) {
        const Answer answer = referral.answer(key);
        if (answer.hasValue())
            parts.append(answer.values());
    }
    for (const QList<Person> *people : {&referral.children, &referral.adults}) {
        for (const Person &person : *people) {
            for (const QString &key : personText) {
                const Answer answer = person.answer(key);
                if (answer.hasValue())
                    parts.append(answer.values());
            }
            const QString tokens = birthTokens(birthDateOf(person));
            if (!tokens.isEmpty())
                parts.append(tokens);
        }
    }
    return parts.join(u'\n');
}

QString foldedName(const QString &name)
{
    return nameWords(name).join(u' ');
}

std::pair<QString, QString> nameKeys(const QString &name)
{
    const QStringList words = nameWords(name);
    if (words.isEmpty())
        return {};
    // Names in scripts the sound key does not cover (李小龍) are keyed by their folded letters: they still meet
    // the same name written the same way.
    const auto keyOf = [](const QString &word) {
        const QString key = phoneticKey(word);
        return key.isEmpty() ? word : key;
    };
    return {keyOf(words.constFirst()), keyOf(words.constLast())};
}

QList<PersonKey> personKeys(const Referral &referral)
{
    QList<PersonKey> keys;
    const auto add = [&](const Person &person, const QString &kind) {
        const Answer name = person.answer(Field::personName);
        if (!name.hasValue() || name.value().trimmed().isEmpty())
            return;
        PersonKey key;
        key.personId = person.id;
        key.kind = kind;
        key.name = name.value();
        key.folded = foldedName(key.name);
        std::tie(key.givenKey, key.familyKey) = nameKeys(key.name);
        key.birthDate = birthDateOf(person);
        if (key.birthDate.isValid()) {
            key.birthYear = key.birthDate.year();
        } else if (EstimatedAge age;
                   EstimatedAge::fromCanonical(person.answer(Field::personDateOfBirth).value(), &age)) {
            key.birthYear = referral.callStartedAt.date().addMonths(-age.months).year();
        }
        keys.append(key);
    };
    for (const Person &child : referral.children)
        add(child, QStringLiteral("child"));
    for (const Person &adult : referral.adults)
        add(adult, QStringLiteral("adult"));
    return keys;
}

QString childrenSummary(const Referral &referral)
{
    QStringList names;
    for (const Person &child : referral.children) {
        const Answer name = child.answer(Field::personName);
        if (name.hasValue() && !name.value().trimmed().isEmpty())
            names.append(name.value().trimmed());
        else if (Facts::isUnborn(child))
            names.append(QStringLiteral("unborn baby"));
        else
            names.append(QStringLiteral("child not yet named"));
    }
    return names.join(QStringLiteral(", "));
}

QDateTime nextDue(const Referral &referral)
{
    QDateTime earliest;
    for (const FollowUpAction &action : referral.actions)
        if (action.status == ActionStatus::Open && action.due.isValid()
            && (!earliest.isValid() || action.due < earliest))
            earliest = action.due;
    return earliest;
}

} // namespace FrontDoor::ReferralIndex
