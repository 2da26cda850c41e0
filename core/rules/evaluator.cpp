#include "rules/evaluator.h"

#include "rules/answerchecks.h"

#include <QSet>

namespace FrontDoor {

QString ruleIdFor(const Rule &rule, const Profile &profile)
{
    for (const QString &id : rule.ids) {
        if (profile.ownsProcedureId(id))
            return id;
    }
    return {};
}

Findings evaluate(const Referral &referral, const Profile &profile, const QDateTime &now)
{
    return evaluate(referral, profile, now,
                    referral.status == ReferralStatus::Draft ? Stage::Intake : Stage::Decision);
}

Findings evaluate(const Referral &referral, const Profile &profile, const QDateTime &now, Stage stage)
{
    const RuleContext context{referral, profile, now, stage};
    Findings findings;
    checkInformationItems(context, findings);
    for (const Rule &rule : Rules::all()) {
        const QString id = ruleIdFor(rule, profile);
        if (id.isEmpty())
            continue;
        FindingSink sink;
        rule.check(context, sink);
        for (Finding &finding : sink.take()) {
            finding.ruleId = id;
            findings.append(std::move(finding));
        }
    }
    // Where a must already blocks on a field, its "still to ask" would only repeat it.
    QSet<QString> blockedPaths;
    for (const Finding &finding : std::as_const(findings)) {
        if (finding.severity == Severity::Blocking)
            blockedPaths.insert(finding.path);
    }
    findings.removeIf([&](const Finding &finding) {
        return finding.severity == Severity::Outstanding && blockedPaths.contains(finding.path);
    });
    return findings;
}

} // namespace FrontDoor
