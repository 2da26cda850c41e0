#include "rules/answerchecks.h"

#include "referral/fields.h"
#include "referral/spokendate.h"

#include <QRegularExpression>

namespace FrontDoor {

namespace {

constexpr qsizetype maximumTextLength = 2000;
constexpr qsizetype maximumLongTextLength = 100000;
constexpr int oldestAgeYears = 120;

// A control character no keyboard types: anything below a space but a tab, and in a long text a line break.
bool hasControlCharacter(const QString &text, bool lineBreaks)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && !(lineBreaks && (u == u'\n' || u == u'\r'))) || u == 0x7f)
            return true;
    }
    return false;
}

// A date of birth no living person has: in the future, or more than 120 years ago.
QString birthProblem(const QDate &date, const RuleContext &context)
{
    if (!context.now.isValid())
        return {};
    if (date > context.now.date())
        return QStringLiteral("is in the future: a date of birth cannot be.");
    if (date < context.now.date().addYears(-oldestAgeYears))
        return QStringLiteral("is more than %1 years ago: not a date of birth.").arg(oldestAgeYears);
    return {};
}

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
        if (hasControlCharacter(value, false))
            return QStringLiteral("holds control characters no keyboard types.");
        return {};
    case QuestionType::LongText:
        if (value.size() > maximumLongTextLength)
            return QStringLiteral("is longer than %1 characters: shorten it.").arg(maximumLongTextLength);
        if (hasControlCharacter(value, true))
            return QStringLiteral("holds control characters no keyboard types.");
        return {};
    case QuestionType::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return QStringLiteral("is not a date.");
        if (question.field == Field::personDateOfBirth)
            return birthProblem(date, context);
        return {};
    }
    case QuestionType::DateOrAge: {
        if (!DateOrAge::isCanonical(value))
            return QStringLiteral("is neither a date nor an estimated age.");
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            return birthProblem(date, context);
        if (EstimatedAge age; EstimatedAge::fromCanonical(value, &age) && age.months > oldestAgeYears * 12)
            return QStringLiteral("is an age over %1 years.").arg(oldestAgeYears);
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

Findings valueProblems(const Referral &referral, const Profile &profile, const QDateTime &now)
{
    const RuleContext context{referral, profile, now, Stage::Decision};
    Findings problems;
    const auto check = [&](const Question &question, const Answer &answer, const QString &path) {
        if (!answer.hasValue())
            return;
        if (const QString problem = valueProblem(question, answer, context); !problem.isEmpty())
            problems.append(Finding{firstOwnedId(question, profile), Severity::Blocking, path,
                                    QStringLiteral("%1 %2").arg(question.label, problem)});
    };
    for (const Section &section : profile.sections)
        for (const Question &question : section.questions) {
            if (question.repeat == Repeat::None) {
                check(question, referral.answers.value(question.field), question.field);
                continue;
            }
            const bool children = question.repeat == Repeat::PerChild;
            for (const Person &person : children ? referral.children : referral.adults)
                check(question, person.answers.value(question.field),
                      QStringLiteral("%1[%2].%3").arg(children ? QStringLiteral("children") : QStringLiteral("adults"),
                                                      person.id, question.field));
        }
    // The review's records are free text too.
    const auto record = [&](const QString &path, const QStringList &texts) {
        for (const QString &text : texts)
            if (hasControlCharacter(text, true)) {
                problems.append(Finding{QStringLiteral("NOR-D1"), Severity::Blocking, path,
                                        QStringLiteral("A record holds control characters no keyboard types.")});
                return;
            }
    };
    for (const Conversation &c : referral.conversations)
        record(QStringLiteral("conversations[%1]").arg(c.id), {c.with, c.setting, c.present, c.summary, c.actions});
    for (const FeedbackRecord &f : referral.feedback)
        record(QStringLiteral("feedback[%1]").arg(f.id), {f.method, f.summary});
    for (const SharingDecision &s : referral.sharingDecisions)
        record(QStringLiteral("sharingDecisions[%1]").arg(s.id), {s.information, s.recipient, s.reasons});
    for (const Disagreement &d : referral.disagreements)
        record(QStringLiteral("disagreements[%1]").arg(d.id), {d.agency, d.about, d.discussedWith, d.outcome});
    for (const ChildOutcome &o : referral.outcomes)
        record(QStringLiteral("outcomes[%1]").arg(o.childId), {o.rationale});
    return problems;
}

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
