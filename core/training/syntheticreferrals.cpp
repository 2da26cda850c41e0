#include "training/syntheticreferrals.h"

#include "referral/fields.h"

#include <array>

namespace FrontDoor {

namespace {
// Syllables, not names: combinations give invented names in several scripts and with diacritics, so tests meet
// the variety a front door meets without using anyone's name.
constexpr std::array<const char *, 24> syllables{"ka", "lo", "mi", "zé", "ra",  "nu",  "bel", "tor",
                                                 "ïs", "an", "ro", "da", "fin", "gul", "ke",  "ma",
                                                 "øy", "ша", "ли", "ná", "sé",  "vo",  "yu",  "ča"};
constexpr std::array<const char *, 6> oddities{
    "\u202Eevil", "O\u2019Neill-Łęcka", "\U0001F600", "محمد", "<script>", "Robert'); DROP TABLE referrals;--"};
} // namespace

QString SyntheticReferrals::inventedName()
{
    const auto word = [this] {
        QString w;
        const int parts = between(2, 3);
        for (int i = 0; i < parts; ++i)
            w += QString::fromUtf8(syllables.at(m_random.bounded(quint32(syllables.size()))));
        w[0] = w[0].toUpper();
        return w;
    };
    return word() + QLatin1Char(' ') + word();
}

QString SyntheticReferrals::nonsense()
{
    switch (between(0, 5)) {
    case 0:
        return QString::fromUtf8(oddities.at(m_random.bounded(quint32(oddities.size()))));
    case 1:
        return QString(between(0, 120000), QLatin1Char('x'));
    case 2:
        return QStringLiteral("30/02/2015");
    case 3:
        return QStringLiteral("+4400");
    case 4:
        return QString(QChar(0xD800)); // a lone surrogate
    default:
        return QString::number(m_random.generate());
    }
}

Answer SyntheticReferrals::answerFor(const Question &question,
                                     const Profile &profile,
                                     const QDateTime &callStart,
                                     const Shape &shape)
{
    if (!chance(shape.answeredShare)) {
        switch (between(0, 4)) {
        case 0:
            return Answer::notKnown();
        case 1:
            return Answer::declined();
        case 2:
            return Answer::notAsked(QStringLiteral("Caller had to end the call"));
        default:
            return {};
        }
    }
    if (shape.chaos && chance(0.15))
        return chance(0.5) ? Answer::given(nonsense()) : Answer::givenMany({nonsense(), nonsense()});

    const QDate today = callStart.date();
    switch (question.type) {
    case QuestionType::Text:
    case QuestionType::PersonReference:
        return Answer::given(question.field.endsWith(QLatin1String("name"))
                                 ? inventedName()
                                 : QStringLiteral("Invented detail %1").arg(between(1, 999)));
    case QuestionType::LongText:
        return Answer::given(QStringLiteral("Invented account, line %1.\nAnother line.").arg(between(1, 99)));
    case QuestionType::Date:
        if (question.field == Field::childExpectedDelivery)
            return Answer::given(today.addDays(between(1, 250)).toString(Qt::ISODate));
        return Answer::given(today.addDays(-between(200, 30000)).toString(Qt::ISODate));
    case QuestionType::DateOrAge:
        if (chance(0.2))
            return Answer::given(QStringLiteral("age:%1y").arg(between(2, 17)));
        return Answer::given(today.addDays(-between(1, 6500)).toString(Qt::ISODate));
    case QuestionType::DateTime:
        return Answer::given(callStart.addSecs(-between(0, 7200)).toUTC().toString(Qt::ISODateWithMs));
    case QuestionType::YesNo:
        return Answer::given(chance(0.3) ? QStringLiteral("yes") : QStringLiteral("no"));
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
        const OptionList *list = profile.optionList(question.options);
        if (!list || list->options.isEmpty())
            return {};
        const auto pick = [&] {
            return list->options.at(between(0, int(list->options.size()) - 1)).value;
        };
        if (question.type == QuestionType::SingleChoice)
            return Answer::given(pick());
        QStringList values{pick()};
        if (chance(0.4) && !values.contains(pick()))
            values << pick();
        values.removeDuplicates();
        return Answer::givenMany(values);
    }
    case QuestionType::Phone:
        return Answer::given(QStringLiteral("+441603%1").arg(between(200000, 799999)));
    case QuestionType::Postcode:
        return Answer::given(QStringLiteral("NR%1 %2AB").arg(between(1, 30)).arg(between(1, 9)));
    case QuestionType::Email:
        return Answer::given(QStringLiteral("person%1@example.org").arg(between(1, 9999)));
    }
    return {};
}

Referral SyntheticReferrals::next(const Profile &profile, const QDateTime &callStart, const Shape &shape)
{
    Referral referral;
    referral.profileId = profile.id;
    referral.reference = QStringLiteral("%1-%2-%3")
                             .arg(profile.referencePrefix)
                             .arg(callStart.date().year())
                             .arg(++m_counter, 6, 10, QLatin1Char('0'));
    referral.handler = QStringLiteral("u-%1").arg(between(1, 20));
    referral.callStartedAt = callStart.toUTC();

    const int children = between(shape.minChildren, shape.maxChildren);
    for (int i = 0; i < children; ++i)
        referral.children.append(Person{QStringLiteral("c%1").arg(i + 1), {}});
    const int adults = between(shape.minAdults, shape.maxAdults);
    for (int i = 0; i < adults; ++i)
        referral.adults.append(Person{QStringLiteral("a%1").arg(i + 1), {}});

    for (const Section &section : profile.sections) {
        for (const Question &question : section.questions) {
            switch (question.repeat) {
            case Repeat::None:
                referral.setAnswer(question.field, answerFor(question, profile, callStart, shape));
                break;
            case Repeat::PerChild:
            case Repeat::PerAdult:
                for (Person &person : question.repeat == Repeat::PerChild ? referral.children : referral.adults) {
                    const Answer answer = answerFor(question, profile, callStart, shape);
                    if (answer.state() != AnswerState::Unanswered)
                        person.answers.insert(question.field, answer);
                }
                break;
            }
        }
    }
    for (Person &child : referral.children) {
        if (child.answer(Field::personName).state() == AnswerState::Unanswered)
            child.answers.insert(Field::personName.toString(), Answer::given(inventedName()));
    }
    return referral;
}

} // namespace FrontDoor
