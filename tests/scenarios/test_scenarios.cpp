// Whole calls, written as the JSON a case-management system would exchange, checked against their procedure.
// tests/scenarios/fixtures/expected.json lists, for each fixture, the exact blocking findings ("ruleId path")
// the procedure demands. Each fixture is checked twice: through the core API and through `frontdoor check`.

#include <catch2/catch.hpp>

#include "support/testsupport.h"

#include "profile/profileloader.h"
#include "referral/referraljson.h"
#include "rules/evaluator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QFile>

#include <algorithm>
#include <QTemporaryDir>

using namespace FrontDoor;

using FrontDoorTest::Run;
using FrontDoorTest::runFrontDoor;

namespace {

struct Scenario
{
    QString file;
    QString now;
    QSet<QString> blocking;
    QString about;
};

QString fixturesDir()
{
    return FrontDoorTest::sourceDir() + QStringLiteral("/scenarios/fixtures");
}

QList<Scenario> scenarios()
{
    const QByteArray bytes = FrontDoorTest::readText(fixturesDir() + QStringLiteral("/expected.json")).toUtf8();
    const QJsonArray array = QJsonDocument::fromJson(bytes).array();
    QList<Scenario> result;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Scenario scenario{object.value(QStringLiteral("file")).toString(), object.value(QStringLiteral("now")).toString(),
                          {}, object.value(QStringLiteral("about")).toString()};
        for (const QJsonValue &item : object.value(QStringLiteral("blocking")).toArray())
            scenario.blocking.insert(item.toString());
        result.append(scenario);
    }
    return result;
}

QSet<QString> blockingOf(const QJsonArray &findings)
{
    QSet<QString> result;
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        if (finding.value(QStringLiteral("severity")).toString() == severityName(Severity::Blocking))
            result.insert(finding.value(QStringLiteral("ruleId")).toString() + u' '
                          + finding.value(QStringLiteral("path")).toString());
    }
    return result;
}

QSet<QString> blockingOf(const Findings &findings)
{
    QSet<QString> result;
    for (const Finding &finding : findings)
        if (finding.severity == Severity::Blocking)
            result.insert(finding.ruleId + u' ' + finding.path);
    return result;
}

std::string describe(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return QString(u'{' + list.join(QStringLiteral(", ")) + u'}').toStdString();
}

} // namespace

TEST_CASE("The scenario manifest lists every fixture, and each at least once for each front door")
{
    const QList<Scenario> all = scenarios();
    REQUIRE(all.size() >= 20);
    QSet<QString> listed;
    for (const Scenario &scenario : all)
        listed.insert(scenario.file);
    const QStringList onDisk = QDir(fixturesDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : onDisk)
        if (file != QStringLiteral("expected.json"))
            CHECK(listed.contains(file));
    CHECK(std::count_if(all.begin(), all.end(), [](const Scenario &s) { return s.file.startsWith(u"nor-"); }) >= 5);
    CHECK(std::count_if(all.begin(), all.end(), [](const Scenario &s) { return s.file.startsWith(u"lin-"); }) >= 5);
    // Some scenarios must pass and some must fail, or the manifest proves nothing.
    CHECK(std::any_of(all.begin(), all.end(), [](const Scenario &s) { return s.blocking.isEmpty(); }));
    CHECK(std::any_of(all.begin(), all.end(), [](const Scenario &s) { return !s.blocking.isEmpty(); }));
}

TEST_CASE("Each scenario gives exactly the blocking findings its procedure demands, through the core API")
{
    for (const Scenario &scenario : scenarios()) {
        INFO(scenario.file.toStdString() << ": " << scenario.about.toStdString());
        const QByteArray bytes = FrontDoorTest::readText(fixturesDir() + u'/' + scenario.file).toUtf8();
        const Result<Referral> referral = ReferralJson::parse(bytes, scenario.file);
        REQUIRE(referral);
        const Result<Profile> profile = ProfileLoader::byId(referral->profileId);
        REQUIRE(profile);
        const QDateTime now = QDateTime::fromString(scenario.now, Qt::ISODate);
        REQUIRE(now.isValid());
        const QSet<QString> actual = blockingOf(evaluate(*referral, *profile, now));
        INFO("expected " << describe(scenario.blocking) << "\nactual   " << describe(actual));
        CHECK(actual == scenario.blocking);
    }
}

TEST_CASE("Each scenario gives the same verdict through `frontdoor check`, exit 1 exactly when something blocks")
{
    for (const Scenario &scenario : scenarios()) {
        INFO(scenario.file.toStdString());
        const Run run = runFrontDoor({QStringLiteral("check"), fixturesDir() + u'/' + scenario.file,
                                      QStringLiteral("--now"), scenario.now});
        CHECK(run.exitCode == (scenario.blocking.isEmpty() ? 0 : 1));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        REQUIRE(document.isArray());
        const QSet<QString> actual = blockingOf(document.array());
        INFO("expected " << describe(scenario.blocking) << "\nactual   " << describe(actual));
        CHECK(actual == scenario.blocking);
    }
}

TEST_CASE("`frontdoor check` refuses what it cannot read with a message and exit code 2")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString nor = fixturesDir() + QStringLiteral("/nor-anonymous-neighbour.json");

    SECTION("a file that is not there")
    {
        const Run run = runFrontDoor({QStringLiteral("check"), dir.filePath(QStringLiteral("absent.json"))});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("cannot be read")));
        CHECK(run.out.isEmpty());
    }
    SECTION("a file that is not JSON names the file")
    {
        QFile file(dir.filePath(QStringLiteral("broken.json")));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("{ \"schemaVersion\": 1, ");
        file.close();
        const Run run = runFrontDoor({QStringLiteral("check"), file.fileName()});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("broken.json")));
        CHECK(run.out.isEmpty());
    }
    SECTION("a referral with a key the schema does not know names its path")
    {
        QJsonObject object = QJsonDocument::fromJson(FrontDoorTest::readText(nor).toUtf8()).object();
        object.insert(QStringLiteral("favouriteColour"), QStringLiteral("blue"));
        QFile file(dir.filePath(QStringLiteral("extra.json")));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(object).toJson());
        file.close();
        const Run run = runFrontDoor({QStringLiteral("check"), file.fileName()});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("favouriteColour")));
    }
    SECTION("a profile that does not exist")
    {
        const Run run = runFrontDoor({QStringLiteral("check"), nor, QStringLiteral("--profile"), QStringLiteral("atlantis")});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("atlantis")));
    }
    SECTION("a time that is not a time")
    {
        const Run run = runFrontDoor({QStringLiteral("check"), nor, QStringLiteral("--now"), QStringLiteral("teatime")});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("teatime")));
    }
    SECTION("no file at all")
    {
        const Run run = runFrontDoor({QStringLiteral("check")});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("give one referral file")));
    }
}
