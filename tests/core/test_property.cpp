// Property-style: many seeded random referrals, some full of nonsense, never crash the rules and always survive
// a JSON round trip.
#include "support/referralbuilder.h"

#include "referral/referraljson.h"
#include "rules/evaluator.h"
#include "training/syntheticreferrals.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("Random referrals never crash the rules and always round-trip through JSON")
{
    constexpr quint32 seed = 20261124;
    SyntheticReferrals generator(seed);
    SyntheticReferrals::Shape shape;
    shape.maxChildren = 6;
    shape.maxAdults = 8;
    int evaluated = 0;
    for (int i = 0; i < 400; ++i) {
        const Profile &p = i % 2 ? norfolk() : lincolnshire();
        shape.chaos = i % 3 == 0;
        shape.answeredShare = 0.2 + 0.2 * (i % 5);
        Referral referral = generator.next(p, testNow().addSecs(-i * 3600), shape);
        referral.status = static_cast<ReferralStatus>(i % 4);
        INFO("seed " << seed << ", referral " << i);

        const Findings findings = evaluate(referral, p, testNow());
        for (const Finding &finding : findings) {
            CHECK_FALSE(finding.ruleId.isEmpty());
            CHECK_FALSE(finding.message.isEmpty());
        }
        ++evaluated;

        const QByteArray bytes = ReferralJson::serialize(referral);
        // Chaos may write texts longer than a file may hold: the store's own reader takes back what it wrote.
        const Result<Referral> back = ReferralJson::readStored(bytes, QStringLiteral("generated"));
        INFO(back.errorMessage().toStdString());
        REQUIRE(back.ok());
        // A lone surrogate cannot be stored in UTF-8 JSON; everything else must come back exactly.
        if (!bytes.contains("\xef\xbf\xbd"))
            CHECK(*back == referral);
        CHECK(ReferralJson::serialize(*back) == bytes);
    }
    CHECK(evaluated == 400);
}
