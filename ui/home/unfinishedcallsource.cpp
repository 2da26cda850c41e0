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

QList<ReferralSummary> recentReferralsFor(Store &store, const Profile &profile, const Actor &actor)
{
    ReferralFilter recent;
    recent.handler = actor.userId;
    recent.profileId = profile.id;
    recent.createdFrom = store.clock().now().addDays(-7);
    recent.limit = 500;
    Result<QList<ReferralSummary>> rows = store.queries().list(recent, actor);
    if (!rows)
        return {};
    QList<ReferralSummary> done;
    std::copy_if(rows->cbegin(), rows->cend(), std::back_inserter(done),
                 [](const ReferralSummary &row) { return row.status != ReferralStatus::Draft; });
    std::sort(done.begin(), done.end(),
              [](const ReferralSummary &a, const ReferralSummary &b) { return a.callStartedAt > b.callStartedAt; });
    return done.mid(0, 20);
}

} // namespace FrontDoor
