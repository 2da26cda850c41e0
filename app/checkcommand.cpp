#include "checkcommand.h"

#include "calendar/bankholidays.h"
#include "calendar/followupplanner.h"
#include "calendar/workingcalendar.h"
#include "common/boundedread.h"
#include "common/jsonreader.h"
#include "common/uktime.h"
#include "profile/profileloader.h"
#include "referral/referraljson.h"
#include "rules/evaluator.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace FrontDoor::CheckCommand {

namespace {

int unreadable(const QString &message)
{
    QTextStream(stderr) << "frontdoor check: " << message << '\n';
    return 2;
}
} // namespace

int run(const Options &options)
{
    if (options.commandArguments.size() != 1)
        return unreadable(QStringLiteral("give one referral file: frontdoor check FILE.json [--profile ID]"));
    const QString path = options.commandArguments.constFirst();
    const Result<QByteArray> bytes = BoundedRead::file(path, ReferralJson::largestFileBytes);
    if (!bytes)
        return unreadable(bytes.errorMessage());
    const Result<Referral> referral = ReferralJson::parse(*bytes, QFileInfo(path).fileName());
    if (!referral)
        return unreadable(referral.errorMessage());

    const QString profileId = options.profileId.isEmpty() ? referral->profileId : options.profileId;
    const Result<Profile> profile = ProfileLoader::byId(profileId);
    if (!profile)
        return unreadable(profile.errorMessage());

    QDateTime now = QDateTime::currentDateTimeUtc();
    if (!options.now.isEmpty()) {
        now = QDateTime::fromString(options.now, Qt::ISODateWithMs);
        if (!now.isValid())
            return unreadable(QStringLiteral("--now: \"%1\" is not a time like 2026-11-24T10:00:00Z").arg(options.now));
        now = now.toUTC();
    }

    if (!options.format.isEmpty() && options.format != QLatin1String("json"))
        return unreadable(QStringLiteral("--format: \"%1\" is not a format check writes (json)").arg(options.format));

    const Findings findings = evaluate(*referral, *profile, now);
    QJsonArray array;
    for (const Finding &finding : findings)
        array.append(QJsonObject{{QStringLiteral("ruleId"), finding.ruleId},
                                 {QStringLiteral("severity"), severityName(finding.severity)},
                                 {QStringLiteral("path"), finding.path},
                                 {QStringLiteral("message"), finding.message}});
    if (options.format.isEmpty()) { // the findings alone, as before
        QTextStream(stdout) << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return hasBlocking(findings) ? 1 : 0;
    }
    // --format json: the findings, and the follow-up actions with their due times that submitting at --now would set
    // (NOR-T4, LIN-T3, LIN-T5 …), from the same calendar the store uses — received at the call's start.
    Referral submitted = *referral;
    if (!submitted.callStartedAt.isValid())
        submitted.callStartedAt = now;
    const WorkingCalendar calendar(BankHolidays::current());
    QJsonArray actions;
    for (const FollowUpAction &action : plannedActions(submitted, *profile, calendar))
        actions.append(QJsonObject{{QStringLiteral("kind"), action.kind},
                                   {QStringLiteral("procedureId"), action.procedureId},
                                   {QStringLiteral("description"), action.description},
                                   {QStringLiteral("due"), toIsoUtc(action.due)},
                                   {QStringLiteral("dueUkTime"), UkTime::text(action.due, QStringLiteral("yyyy-MM-dd HH:mm"))},
                                   {QStringLiteral("projected"), calendar.isProjected(UkTime::of(action.due).date())}});
    const QJsonObject report{{QStringLiteral("reference"), referral->reference},
                             {QStringLiteral("profile"), profile->id},
                             {QStringLiteral("now"), toIsoUtc(now)},
                             {QStringLiteral("canSubmit"), !hasBlocking(findings)},
                             {QStringLiteral("findings"), array},
                             {QStringLiteral("actionsOnSubmission"), actions}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Indented);
    return hasBlocking(findings) ? 1 : 0;
}

} // namespace FrontDoor::CheckCommand
