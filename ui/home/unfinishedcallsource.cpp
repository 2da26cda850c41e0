#include "unfinishedcallsource.h"

#include "rules/evaluator.h"

namespace FrontDoor {

QList<UnfinishedCall> unfinishedCallsFor(Store &store, const Profile &profile, const Actor &actor)
{
    ReferralFilter drafts;
    drafts.status = ReferralStatus::Draft;
    drafts.handler = actor.userId;
    drafts.profileId = profile.id;
    drafts.limit = 200;
    Result<QList<ReferralSummary>> rows = store.queries().list(drafts, actor);
    QList<UnfinishedCall> calls;
    if (!rows)
        return calls;
    for (const ReferralSummary &row : *rows) {
        UnfinishedCall call{row.reference, row.children, row.callStartedAt, row.urgent, 0, 0};
        if (Result<StoredReferral> stored = store.referrals().load(row.reference)) {
            const Findings findings = evaluate(stored->referral, profile, store.clock().now());
            call.blocking = int(withSeverity(findings, Severity::Blocking).size());
            call.outstanding = int(withSeverity(findings, Severity::Outstanding).size());
        }
        calls.append(call);
    }
    std::sort(calls.begin(), calls.end(), [](const UnfinishedCall &a, const UnfinishedCall &b) {
        return a.urgent != b.urgent ? a.urgent : a.callStartedAt > b.callStartedAt;
    });
    return calls;
}

} // namespace FrontDoor
