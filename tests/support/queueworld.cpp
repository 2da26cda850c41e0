#include "queueworld.h"

#include "referral/fields.h"
#include "referralbuilder.h"
#include "store/referralindex.h"

#include <catch2/catch.hpp>

using namespace FrontDoor;

namespace FrontDoorTest {

namespace {

Referral saved(Store &store, const Actor &actor, Referral referral, qint64 revision)
{
    Result<SaveReceipt> receipt = store.referrals().save(referral, revision, actor);
    INFO(receipt.errorMessage().toStdString());
    REQUIRE(receipt);
    return referral;
}

} // namespace

QueueWorld QueueWorld::make(const std::function<Store &(const Actor &)> &storeOf,
                            const Actor &first,
                            const Actor &second,
                            FixedClock &clock)
{
    QueueWorld world;
    world.handlers = {first.userId, second.userId};
    for (int i = 0; i < 24; ++i) {
        clock.advance(60'000);
        const Actor &actor = i % 3 == 0 ? second : first;
        Store &store = storeOf(actor);
        const Profile &profile = i % 2 ? lincolnshire() : norfolk();
        Result<StoredReferral> made = store.referrals().createDraft(profile, actor);
        INFO(made.errorMessage().toStdString());
        REQUIRE(made);
        Referral referral = made->referral;
        if (i % 4 == 1)
            referral.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
        if (i % 5 == 2) {
            FollowUpAction action;
            action.id = QStringLiteral("call-back");
            action.kind = QStringLiteral("decision");
            action.procedureId = QStringLiteral("NOR-T4");
            action.due = clock.now().addSecs(3600 * (i - 12));
            referral.actions.append(action);
        }
        referral.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
        referral.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("mayBeShared")));
        saved(store, actor, referral, made->revision);
        qint64 revision = store.referrals().load(referral.reference)->revision;
        if (i % 6 == 4 && !(i % 2)) {
            Result<SaveReceipt> submitted = store.referrals().submit(referral.reference, revision, actor, profile);
            INFO(submitted.errorMessage().toStdString());
            REQUIRE(submitted);
        } else if (i % 7 == 5) {
            REQUIRE(store.referrals().discard(referral.reference, revision, actor, QStringLiteral("Wrong key")));
        }
        const StoredReferral stored = store.referrals().load(referral.reference).value();
        world.rows.append({stored.referral.reference,
                           profile.id,
                           actor.userId,
                           stored.referral.status,
                           stored.urgent,
                           ReferralIndex::nextDue(stored.referral),
                           clock.now()});
    }
    return world;
}

QList<ReferralFilter> QueueWorld::everyFilter(const QDateTime &now) const
{
    const QList<ReferralStatus> statuses{
        ReferralStatus::Draft, ReferralStatus::Submitted, ReferralStatus::Discarded, ReferralStatus::Decided};
    QList<ReferralFilter> filters;
    for (int set = 0; set < 256; ++set) {
        for (int variant = 0; variant < 2; ++variant) {
            const int pick = set + variant;
            ReferralFilter f;
            if (set & 1)
                f.status = statuses.at((pick / 2 + variant) % statuses.size());
            if (set & 2)
                f.profileId = pick % 2 ? QStringLiteral("lincolnshire-csc") : QStringLiteral("norfolk-cads");
            if (set & 4)
                f.handler = variant ? handlers.at(pick % 2) : QStringLiteral("u-nobody-here");
            if (set & 8)
                f.urgent = variant == 0;
            if (set & 16)
                f.dueBefore = variant ? now : now.addSecs(6 * 3600);
            if (set & 32)
                f.createdFrom = rows.at(variant ? 5 : 15).createdAt;
            if (set & 64)
                f.createdTo = rows.at(variant ? 17 : 9).createdAt;
            f.undecidedOnly = (set & 128) != 0;
            filters.append(f);
        }
    }
    return filters;
}

QStringList QueueWorld::expected(const ReferralFilter &filter) const
{
    QList<int> found;
    for (int i = 0; i < rows.size(); ++i) {
        const QueueRow &row = rows.at(i);
        if (filter.status ? row.status != *filter.status : row.status == ReferralStatus::Discarded)
            continue;
        if (filter.undecidedOnly && row.status != ReferralStatus::Draft && row.status != ReferralStatus::Submitted)
            continue;
        if ((!filter.profileId.isEmpty() && row.profileId != filter.profileId)
            || (!filter.handler.isEmpty() && row.handler != filter.handler)
            || (filter.urgent && row.urgent != *filter.urgent)
            || (filter.dueBefore.isValid() && !(row.nextDue.isValid() && row.nextDue < filter.dueBefore))
            || (filter.createdFrom.isValid() && row.createdAt < filter.createdFrom)
            || (filter.createdTo.isValid() && !(row.createdAt < filter.createdTo)))
            continue;
        found.append(i);
    }
    std::stable_sort(found.begin(), found.end(), [this](int a, int b) {
        const QueueRow &x = rows.at(a);
        const QueueRow &y = rows.at(b);
        if (x.urgent != y.urgent)
            return x.urgent;
        if (x.nextDue.isValid() != y.nextDue.isValid())
            return x.nextDue.isValid();
        return x.nextDue < y.nextDue;
    });
    QStringList references;
    for (int i : found)
        references.append(rows.at(i).reference);
    return references;
}

std::string QueueWorld::describe(const ReferralFilter &f)
{
    QStringList parts;
    if (f.status)
        parts.append(u"status " + referralStatusName(*f.status));
    if (!f.profileId.isEmpty())
        parts.append(u"profile " + f.profileId);
    if (!f.handler.isEmpty())
        parts.append(u"handler " + f.handler);
    if (f.urgent)
        parts.append(*f.urgent ? QStringLiteral("urgent") : QStringLiteral("not urgent"));
    if (f.dueBefore.isValid())
        parts.append(u"due before " + f.dueBefore.toString(Qt::ISODate));
    if (f.createdFrom.isValid())
        parts.append(u"created from " + f.createdFrom.toString(Qt::ISODate));
    if (f.createdTo.isValid())
        parts.append(u"created before " + f.createdTo.toString(Qt::ISODate));
    if (f.undecidedOnly)
        parts.append(QStringLiteral("not yet decided"));
    return (parts.isEmpty() ? QStringLiteral("no filter") : parts.join(QStringLiteral(", "))).toStdString();
}

} // namespace FrontDoorTest
