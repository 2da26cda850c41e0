#include "support/referralbuilder.h"

#include "profile/profileloader.h"
#include "referral/fields.h"

#include <map>

using namespace FrontDoor;

namespace FrontDoorTest {

const Profile &profile(const QString &id)
{
    static std::map<QString, Profile> cache;
    auto it = cache.find(id);
    if (it == cache.end()) {
        Result<Profile> loaded = ProfileLoader::byId(id);
        INFO(loaded.errorMessage().toStdString());
        REQUIRE(loaded.ok());
        it = cache.emplace(id, std::move(loaded).value()).first;
    }
    return it->second;
}

QDateTime testNow()
{
    return QDateTime(QDate(2026, 11, 24), QTime(10, 30), Qt::UTC);
}

Referral draft(const QString &profileId, const QString &childName)
{
    Referral referral;
    referral.profileId = profileId;
    referral.reference = (profileId.startsWith(QLatin1String("lin")) ? QStringLiteral("LIN") : QStringLiteral("NOR"))
                         + QStringLiteral("-2026-000001");
    referral.handler = QStringLiteral("u-test");
    referral.callStartedAt = testNow().addSecs(-20 * 60);
    Person child;
    child.id = QStringLiteral("c1");
    child.answers.insert(QStringLiteral("name"), Answer::given(childName));
    referral.children.append(child);
    return referral;
}

void give(Referral &referral, const QString &key, const QString &value)
{
    referral.setAnswer(key, Answer::given(value));
}

void giveMany(Referral &referral, const QString &key, const QStringList &values)
{
    referral.setAnswer(key, Answer::givenMany(values));
}

void giveChild(Referral &referral, int index, const QString &key, const QString &value)
{
    referral.children[index].answers.insert(key, Answer::given(value));
}

QSet<QString> keys(const Findings &findings, Severity severity)
{
    QSet<QString> result;
    for (const Finding &finding : findings) {
        if (finding.severity == severity)
            result.insert(finding.ruleId + QLatin1Char(' ') + finding.path);
    }
    return result;
}

QSet<QString> blockingIds(const Findings &findings)
{
    QSet<QString> result;
    for (const Finding &finding : findings) {
        if (finding.severity == Severity::Blocking)
            result.insert(finding.ruleId);
    }
    return result;
}

bool has(const Findings &findings, const QString &ruleId, Severity severity, const QString &path)
{
    for (const Finding &finding : findings) {
        if (finding.ruleId == ruleId && finding.severity == severity && (path.isEmpty() || finding.path == path))
            return true;
    }
    return false;
}

namespace {

void randomCallerAndDecision(Referral &referral, QRandomGenerator &random)
{
    static const QStringList callerTypes{QStringLiteral("memberOfPublic"), QStringLiteral("professional"),
                                         QStringLiteral("parentCarer"),    QStringLiteral("child"),
                                         QStringLiteral("otherChild"),     QStringLiteral("anonymous"), QString()};
    static const QStringList identityDecisions{QStringLiteral("mayBeShared"), QStringLiteral("notToFamily"),
                                               QStringLiteral("anonymous"), QString()};
    const QString caller = callerTypes.at(random.bounded(int(callerTypes.size())));
    const QString decision = identityDecisions.at(random.bounded(int(identityDecisions.size())));
    referral.setAnswer(Field::referrerType, caller.isEmpty() ? Answer() : Answer::given(caller));
    referral.setAnswer(Field::identityDecision, decision.isEmpty() ? Answer() : Answer::given(decision));
}

QStringList plantReferrerCanaries(Referral &referral, int i)
{
    const QStringList canaries{
        QStringLiteral("CanaryName%1Zq").arg(i),           QStringLiteral("+4477009%1").arg(10000 + i),
        QStringLiteral("canary%1@example.org").arg(i),     QStringLiteral("%1 Canary Lane, Nowhere").arg(i),
        QStringLiteral("Canary Organisation %1Zq").arg(i), QStringLiteral("CanaryRole%1Zq").arg(i),
        QStringLiteral("CanaryRelationship%1Zq").arg(i)};
    const QList<Field::Key> fields{Field::referrerName,    Field::referrerPhone,        Field::referrerEmail,
                                   Field::referrerAddress, Field::referrerOrganisation, Field::referrerRole,
                                   Field::referrerRelationship};
    for (int k = 0; k < fields.size(); ++k)
        referral.setAnswer(fields.at(k), Answer::given(canaries.at(k)));
    referral.conversations.append(Conversation{QStringLiteral("d1"), testNow(), QStringLiteral("caller"), {}, {},
                                               QStringLiteral("Spoke to %1").arg(canaries.at(0)), {}, {}});
    referral.feedback.append(FeedbackRecord{QStringLiteral("f1"), testNow(), QStringLiteral("phone"),
                                            QStringLiteral("Told %1 the outcome").arg(canaries.at(0)), {}});
    return canaries;
}

} // namespace

CanaryReferral canaryReferral(SyntheticReferrals &synthetic, QRandomGenerator &random, int i)
{
    const Profile &chosen = i % 2 ? norfolk() : lincolnshire();
    Referral r = synthetic.next(chosen, testNow());
    r.reference = QStringLiteral("%1-2026-%2").arg(chosen.referencePrefix).arg(i, 6, 10, QLatin1Char('0'));
    randomCallerAndDecision(r, random);
    QStringList canaries = plantReferrerCanaries(r, i);
    return {std::move(r), &chosen, std::move(canaries)};
}

} // namespace FrontDoorTest
