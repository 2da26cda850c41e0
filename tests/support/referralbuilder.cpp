#include "support/referralbuilder.h"

#include "profile/profileloader.h"

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

} // namespace FrontDoorTest
