#include "historytext.h"

#include "referral/spokendate.h"

#include "counted.h"

#include "common/uktime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace FrontDoor {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FrontDoor::History", text);
}

const Question *questionAt(const QString &path, const Profile &profile)
{
    static const QRegularExpression person(QStringLiteral(R"(^(children|adults)\[([^\]]+)\]\.(.+)$)"));
    if (const QRegularExpressionMatch m = person.match(path); m.hasMatch())
        return profile.questionForField(m.captured(3),
                                        m.captured(1) == QLatin1String("children") ? Repeat::PerChild : Repeat::PerAdult);
    return profile.questionForField(path, Repeat::None);
}

// A record of the review ("outcomes[c1]", "conversations[d-…]") in words, or empty when `path` is not one.
QString recordWords(const QString &path)
{
    static const QRegularExpression record(QStringLiteral(R"(^(\w+)\[([^\]]+)\]$)"));
    const QRegularExpressionMatch m = record.match(path);
    if (!m.hasMatch())
        return {};
    const QString list = m.captured(1);
    if (list == QLatin1String("outcomes"))
        return tr("the outcome for child %1").arg(m.captured(2).mid(1));
    if (list == QLatin1String("conversations"))
        return tr("a discussion");
    if (list == QLatin1String("feedback"))
        return tr("feedback to the referrer");
    if (list == QLatin1String("sharingDecisions"))
        return tr("an information-sharing decision");
    if (list == QLatin1String("disagreements"))
        return tr("a disagreement");
    if (list == QLatin1String("actions"))
        return tr("a follow-up action");
    return {};
}

QString pathWords(const QString &path, const Profile &profile)
{
    if (const QString record = recordWords(path); !record.isEmpty())
        return record;
    static const QRegularExpression person(QStringLiteral(R"(^(children|adults)\[([^\]]+)\]\.)"));
    const Question *question = questionAt(path, profile);
    if (!question)
        return path;
    const QRegularExpressionMatch m = person.match(path);
    if (!m.hasMatch())
        return question->label;
    return (m.captured(1) == QLatin1String("children") ? tr("child %1: %2") : tr("adult %1: %2"))
        .arg(m.captured(2).mid(1), question->label);
}

// An answer as stored in the trail: {"value": …} / {"values": […]} / {"state": "notKnown"} / null.
QString valueWords(const QJsonValue &stored, const QString &path, const Profile &profile)
{
    if (stored.isNull() || stored.isUndefined())
        return tr("(none)");
    const QJsonObject answer = stored.toObject();
    if (answer.contains(QLatin1String("outcome"))) { // a child's outcome: its label in the profile's list
        const OptionList *outcomes = profile.optionList(profile.outcomeList);
        const QString value = answer.value(QLatin1String("outcome")).toString();
        const ChoiceOption *option = outcomes ? outcomes->find(value) : nullptr;
        return option ? option->label : value;
    }
    if (answer.contains(QLatin1String("status")) && answer.contains(QLatin1String("kind"))) // a follow-up action
        return answer.value(QLatin1String("status")).toString();
    QStringList values;
    if (answer.contains(QLatin1String("value")))
        values.append(answer.value(QLatin1String("value")).toString());
    for (const QJsonValue &v : answer.value(QLatin1String("values")).toArray())
        values.append(v.toString());
    if (values.isEmpty()) {
        const QString state = answer.value(QLatin1String("state")).toString();
        if (state == QLatin1String("notKnown"))
            return tr("not known");
        if (state == QLatin1String("declined"))
            return tr("declined");
        if (state == QLatin1String("notAsked"))
            return tr("not asked (%1)").arg(answer.value(QLatin1String("reason")).toString());
        return stored.isString() ? stored.toString() : tr("(recorded)");
    }
    const Question *question = questionAt(path, profile);
    const OptionList *options = question ? profile.optionList(question->options) : nullptr;
    for (QString &value : values) {
        if (const ChoiceOption *option = options ? options->find(value) : nullptr)
            value = option->label;
        else if (EstimatedAge age; EstimatedAge::fromCanonical(value, &age))
            value = age.display(); // "age:4y" → "about 4 years old" (issue 18)
    }
    return values.join(QStringLiteral(", "));
}

} // namespace

QString historyLine(const AuditEvent &event, const Profile &profile)
{
    const QString when = UkTime::text(event.at, QStringLiteral("d MMM HH:mm"));
    const QJsonObject &p = event.payload;
    const QString path = p.value(QLatin1String("path")).toString();
    QString what;
    if (event.kind == auditKindName(AuditKind::FieldChanged) || event.kind == auditKindName(AuditKind::Amended)) {
        what = tr("%1 %2: %3 → %4")
                   .arg(event.kind == auditKindName(AuditKind::Amended) ? tr("amended") : tr("recorded"),
                        pathWords(path, profile), valueWords(p.value(QLatin1String("from")), path, profile),
                        valueWords(p.value(QLatin1String("to")), path, profile));
        if (const QString reason = p.value(QLatin1String("reason")).toString(); !reason.isEmpty())
            what += tr(" — reason: %1").arg(reason);
    } else if (event.kind == auditKindName(AuditKind::DecisionRecorded)) {
        // A whole record (a discussion, feedback) is named, not spelt out: it is on the review's tabs.
        const QJsonValue to = p.value(QLatin1String("to"));
        const QString value = to.isNull() ? tr("removed") : valueWords(to, path, profile);
        what = tr("%1 — %2").arg(p.value(QLatin1String("what")).toString(), pathWords(path, profile));
        if (value != tr("(recorded)"))
            what += tr(": %1").arg(value);
    } else if (event.kind == auditKindName(AuditKind::Created)) {
        what = tr("started the referral");
    } else if (event.kind == auditKindName(AuditKind::Submitted)) {
        what = tr("submitted the referral (%1 recorded as outstanding)")
                   .arg(counted(p.value(QLatin1String("outstanding")).toArray().size(), tr("item"), tr("items")));
    } else if (event.kind == auditKindName(AuditKind::Signed)) {
        what = tr("signed the %1").arg(p.value(QLatin1String("what")).toString());
    } else if (event.kind == auditKindName(AuditKind::StatusChanged)) {
        what = tr("changed the status to %1").arg(p.value(QLatin1String("to")).toString());
    } else if (event.kind == auditKindName(AuditKind::Viewed)) {
        what = tr("opened the case");
    } else if (event.kind == auditKindName(AuditKind::Discarded)) {
        what = tr("discarded the call: “%1”").arg(p.value(QLatin1String("reason")).toString());
    } else {
        what = event.kind;
    }
    return QStringLiteral("%1 — %2 — %3").arg(when, event.user, what);
}

QStringList historyLines(const AuditEvent &event, const Profile &profile)
{
    if (event.kind != auditKindName(AuditKind::FieldsChanged))
        return {historyLine(event, profile)};
    const QJsonObject to = event.payload.value(QLatin1String("to")).toObject();
    const QJsonObject from = event.payload.value(QLatin1String("from")).toObject();
    QStringList lines;
    for (auto it = to.begin(); it != to.end(); ++it) {
        AuditEvent one = event;
        one.kind = auditKindName(AuditKind::FieldChanged);
        one.payload = {{QStringLiteral("path"), it.key()},
                       {QStringLiteral("from"), from.value(it.key())},
                       {QStringLiteral("to"), it.value()}};
        lines.append(historyLine(one, profile));
    }
    return lines;
}

} // namespace FrontDoor
