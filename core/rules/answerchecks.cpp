#include "rules/answerchecks.h"

#include "referral/fields.h"
#include "referral/spokendate.h"

#include <QRegularExpression>

namespace FrontDoor {

namespace {

constexpr qsizetype maximumTextLength = 2000;
constexpr qsizetype maximumLongTextLength = 100000;

QString firstOwnedId(const Question &question, const Profile &profile)
{
    for (const QString &id : question.ids) {
        if (profile.ownsProcedureId(id))
            return id;
    }
    return question.ids.value(0);
}

// What is wrong with a given answer's value for its question, or empty when it is fine.
QString valueProblem(const Question &question, const Answer &answer, const RuleContext &context)
{
    const QString value = answer.value();
    switch (question.type) {
    case QuestionType::Text:
    case QuestionType::PersonReference:
        if (value.size() > maximumTextLength)
            return QStringLiteral("is longer than %1 characters: shorten it.").arg(maximumTextLength);
        return {};
    case QuestionType::LongText:
        if (value.size() > maximumLongTextLength)
            return QStringLiteral("is longer than %1 characters: shorten it.").arg(maximumLongTextLength);
        return {};
    case QuestionType::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return QStringLiteral("is not a date.");
        if (question.field == Field::personDateOfBirth && context.now.isValid() && date > context.now.date())
            return QStringLiteral("is in the future: a date of birth cannot be.");
        return {};
    }
    case QuestionType::DateOrAge: {
        if (!DateOrAge::isCanonical(value))
            return QStringLiteral("is neither a date nor an estimated age.");
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid() && context.now.isValid() && date > context.now.date())
            return QStringLiteral("is in the future: a date of birth cannot be.");
        return {};
    }
    case QuestionType::DateTime:
        if (!QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            return QStringLiteral("is not a date and time.");
        return {};
    case QuestionType::YesNo:
        if (value != Option::yes && value != Option::no)
            return QStringLiteral("should be yes or no.");
        return {};
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
        const OptionList *list = context.profile.optionList(question.options);
        if (question.type == QuestionType::SingleChoice && answer.values().size() > 1)
            return QStringLiteral("allows one choice only.");
        for (const QString &chosen : answer.values()) {
            if (!list || !list->contains(chosen))
                return QStringLiteral("holds a choice this front door does not offer.");
        }
        return {};
    }
    case QuestionType::Phone: {
        static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
        if (!e164.match(value).hasMatch())
            return QStringLiteral("is not a checked phone number.");
        return {};
    }
    case QuestionType::Postcode: {
        static const QRegularExpression postcode(QStringLiteral("^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$"));
        if (!postcode.match(value).hasMatch())
            return QStringLiteral("is not a postcode in the official format (e.g. NR1 2DH).");
        return {};
    }
    case QuestionType::Email: {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!email.match(value).hasMatch() || value.size() > 254)
            return QStringLiteral("is not an email address.");
        return {};
    }
    }
    return {};
}

void checkAnswer(const Question &question, const Answer &answer, const QString &path, const RuleContext &context,
                 Findings &findings)
{
    const QString id = firstOwnedId(question, context.profile);
    if (!answer.isAddressed()) {
        if (question.informationItem)
            findings.append(Finding{id, Severity::Outstanding, path,
                                    answer.state() == AnswerState::NotAsked
                                        ? QStringLiteral("\"%1\" was not asked: give the reason.").arg(question.label)
                                        : QStringLiteral("Still to ask: %1").arg(question.label)});
        return;
    }
    if (!answer.hasValue())
        return;
    const QString problem = valueProblem(question, answer, context);
    if (!problem.isEmpty())
        findings.append(Finding{id, Severity::Blocking, path, QStringLiteral("%1 %2").arg(question.label, problem)});
}

void checkPeople(const Section &section, const Question &question, const RuleContext &context, Findings &findings)
{
    const bool children = question.repeat == Repeat::PerChild;
    const QLatin1StringView list = children ? QLatin1StringView("children") : QLatin1StringView("adults");
    for (const Person &person : children ? context.referral.children : context.referral.adults) {
        if (!section.when.holds(context.referral, &person) || !question.when.holds(context.referral, &person))
            continue;
        checkAnswer(question, person.answers.value(question.field),
                    list + QLatin1Char('[') + person.id + QStringLiteral("].") + question.field, context, findings);
    }
}

} // namespace

void checkInformationItems(const RuleContext &context, Findings &findings)
{
    if (context.referral.children.isEmpty())
        findings.append(Finding{QStringLiteral("ALL-G1"), Severity::Blocking, QStringLiteral("children"),
                                QStringLiteral("Add the child this referral is about (a name is not needed: \"not "
                                               "known\" will do).")});

    for (const Section &section : context.profile.sections) {
        if (section.stage == SectionStage::Decision && !context.atDecision())
            continue; // the supervisor's questions are not "still to ask" on the call
        for (const Question &question : section.questions) {
            if (question.repeat != Repeat::None) {
                checkPeople(section, question, context, findings);
                continue;
            }
            if (!section.when.holds(context.referral) || !question.when.holds(context.referral))
                continue;
            checkAnswer(question, context.referral.answers.value(question.field), question.field, context, findings);
        }
    }
}

} // namespace FrontDoor
