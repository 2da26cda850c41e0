#include "checkcommand.h"

#include "common/boundedread.h"
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

    const Findings findings = evaluate(*referral, *profile, now);
    QJsonArray array;
    for (const Finding &finding : findings)
        array.append(QJsonObject{{QStringLiteral("ruleId"), finding.ruleId},
                                 {QStringLiteral("severity"), severityName(finding.severity)},
                                 {QStringLiteral("path"), finding.path},
                                 {QStringLiteral("message"), finding.message}});
    QTextStream(stdout) << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return hasBlocking(findings) ? 1 : 0;
}

} // namespace FrontDoor::CheckCommand
