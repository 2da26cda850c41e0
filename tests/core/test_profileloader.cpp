// Profiles are data, checked on load: a malformed profile names the file, the key path and what is wrong.
#include "support/referralbuilder.h"

#include "profile/profileloader.h"
#include "profile/profileshelf.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {
QJsonObject builtIn(const QString &id)
{
    QFile file(QStringLiteral(":/profiles/%1.json").arg(id));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString loadError(const QJsonObject &object)
{
    return ProfileLoader::fromBytes(QJsonDocument(object).toJson(), QStringLiteral("norfolk-cads.json"))
        .errorMessage();
}

// Replaces the value at a path like {"sections", 0, "questions", 1, "type"} in a JSON tree.
QJsonValue replaced(const QJsonValue &node, QList<QVariant> path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariant step = path.takeFirst();
    if (step.typeId() == QMetaType::Int) {
        QJsonArray array = node.toArray();
        array[step.toInt()] = replaced(array.at(step.toInt()), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    object[step.toString()] = replaced(object.value(step.toString()), path, value);
    return object;
}
} // namespace

TEST_CASE("Both built-in profiles load and describe their front door")
{
    CHECK(ProfileLoader::builtInIds().contains(QStringLiteral("norfolk-cads")));
    CHECK(ProfileLoader::builtInIds().contains(QStringLiteral("lincolnshire-csc")));

    const Profile &n = norfolk();
    CHECK(n.shortName == QStringLiteral("CADS"));
    CHECK(n.contact(QStringLiteral("frontDoor"))->number == QStringLiteral("0344 800 8021"));
    CHECK(n.contact(QStringLiteral("outOfHours"))->number == QStringLiteral("0344 800 8020"));
    CHECK(n.openingHours.opens == QTime(8, 0));
    CHECK(n.openingHours.closes == QTime(20, 0));
    CHECK(n.timescale(QStringLiteral("decision"))->unit == TimescaleUnit::WorkingDays);
    CHECK(n.sections.constFirst().id == QStringLiteral("safety")); // safety is asked first

    const Profile &l = lincolnshire();
    CHECK(l.shortName == QStringLiteral("CSC"));
    CHECK(l.timescale(QStringLiteral("decision"))->amount == 24);
    CHECK(l.timescale(QStringLiteral("decision"))->unit == TimescaleUnit::Hours);
    CHECK(l.optionList(QStringLiteral("consentFactors"))->options.size() == 7);
    CHECK(l.sections.constFirst().id == QStringLiteral("safety"));
}

TEST_CASE("Every question carries procedure IDs, and every choice question an existing option list")
{
    for (const Profile *p : {&norfolk(), &lincolnshire()}) {
        for (const Section &section : p->sections) {
            for (const Question &question : section.questions) {
                INFO(p->id.toStdString() << " " << question.id.toStdString());
                CHECK_FALSE(question.ids.isEmpty());
                if (!question.options.isEmpty())
                    CHECK(p->optionList(question.options) != nullptr);
            }
        }
    }
}

TEST_CASE("A malformed profile gives the file, the key path and what is wrong")
{
    const QJsonObject good = builtIn(QStringLiteral("norfolk-cads"));
    REQUIRE(loadError(good).isEmpty());

    const auto with = [&](QList<QVariant> path, const QJsonValue &value) {
        return loadError(replaced(good, std::move(path), value).toObject());
    };

    CHECK(ProfileLoader::fromBytes("{ \"id\": ", QStringLiteral("norfolk-cads.json"))
              .errorMessage()
              .startsWith(QStringLiteral("norfolk-cads.json: not valid JSON at line 1")));
    CHECK(with({QStringLiteral("formatVersion")}, 9)
          == QStringLiteral("norfolk-cads.json: formatVersion: should be 1 (this Front Door reads profile format 1)."));
    CHECK(with({QStringLiteral("sections"), 0, QStringLiteral("questions"), 1, QStringLiteral("type")},
               QStringLiteral("dat"))
              .startsWith(QStringLiteral("norfolk-cads.json: sections[0].questions[1].type: \"dat\" is not a "
                                         "question type")));
    CHECK(with({QStringLiteral("sections"), 1, QStringLiteral("questions"), 0, QStringLiteral("options")},
               QStringLiteral("nowhere"))
          == QStringLiteral("norfolk-cads.json: sections[1].questions[0].options: \"nowhere\" is not an option list "
                            "of this profile."));
    CHECK(with({QStringLiteral("sections"), 0, QStringLiteral("questions"), 0, QStringLiteral("ids")},
               QJsonArray{QStringLiteral("NOR C4")})
          == QStringLiteral("norfolk-cads.json: sections[0].questions[0].ids[0]: \"NOR C4\" is not a procedure ID "
                            "like NOR-C4 or LIN-A5."));
    CHECK(with({QStringLiteral("sections"), 0, QStringLiteral("questions"), 0, QStringLiteral("lable")},
               QStringLiteral("x"))
              .startsWith(QStringLiteral("norfolk-cads.json: sections[0].questions[0].lable: unknown key")));
    CHECK(with({QStringLiteral("openingHours"), QStringLiteral("closes")}, QStringLiteral("07:00"))
          == QStringLiteral("norfolk-cads.json: openingHours.closes: should be later than \"opens\"."));
    CHECK(with({QStringLiteral("timescales"), 0, QStringLiteral("unit")}, QStringLiteral("fortnights"))
          == QStringLiteral("norfolk-cads.json: timescales[0].unit: \"fortnights\" is not \"hours\" or "
                            "\"workingDays\"."));
    CHECK(with({QStringLiteral("sections"), 0, QStringLiteral("questions"), 1, QStringLiteral("when"),
                QStringLiteral("field")},
               QStringLiteral("triage.imediateDanger"))
          == QStringLiteral("norfolk-cads.json: sections[0].questions[1].when.field: \"triage.imediateDanger\" is "
                            "not a field any question asks."));
    CHECK(with({QStringLiteral("sections"), 0, QStringLiteral("questions"), 0, QStringLiteral("field")},
               QStringLiteral("immediateDanger"))
              .contains(QStringLiteral("a referral field is \"section.item\"")));
    CHECK(with({QStringLiteral("contacts")}, QJsonArray{})
              .contains(QStringLiteral("needs a contact with id \"frontDoor\"")));
    CHECK(with({QStringLiteral("sections")}, QStringLiteral("all of them"))
          == QStringLiteral("norfolk-cads.json: sections: should be a list, not text."));
}

TEST_CASE("NOR-C6 LIN-A4: a profile whose outcome has no words for a family is refused", "[issue18]")
{
    QJsonObject profile = builtIn(QStringLiteral("norfolk-cads"));
    QJsonObject lists = profile.value(QStringLiteral("optionLists")).toObject();
    QJsonArray outcomes = lists.value(QStringLiteral("outcomes")).toArray();
    QJsonObject earlyHelp = outcomes.at(3).toObject();
    REQUIRE(earlyHelp.value(QStringLiteral("value")) == QStringLiteral("earlyHelp"));
    earlyHelp.remove(QStringLiteral("forFamily"));
    outcomes[3] = earlyHelp;
    lists[QStringLiteral("outcomes")] = outcomes;
    profile[QStringLiteral("optionLists")] = lists;
    CHECK(loadError(profile)
          == QStringLiteral("norfolk-cads.json: optionLists.outcomes: outcome \"earlyHelp\" needs \"forFamily\": what "
                            "happens next, in words for a family."));
}

TEST_CASE("A profile must offer the values the statutory rules rely on")
{
    QJsonObject profile = builtIn(QStringLiteral("norfolk-cads"));
    QJsonObject lists = profile.value(QStringLiteral("optionLists")).toObject();
    QJsonArray callerTypes = lists.value(QStringLiteral("callerTypes")).toArray();
    callerTypes.removeAt(1); // "professional"
    lists[QStringLiteral("callerTypes")] = callerTypes;
    profile[QStringLiteral("optionLists")] = lists;
    CHECK(loadError(profile)
          == QStringLiteral("norfolk-cads.json: optionLists.callerTypes: must offer \"professional\" for "
                            "\"referrer.type\"."));
}

TEST_CASE("A profile file's id matches its name, unknown ids are refused")
{
    QTemporaryDir temp;
    const QString path = temp.filePath(QStringLiteral("suffolk.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(builtIn(QStringLiteral("norfolk-cads"))).toJson());
    file.close();
    CHECK(ProfileLoader::fromFile(path).errorMessage()
          == QStringLiteral("suffolk.json: id: \"norfolk-cads\" should match the file name"));
    CHECK(ProfileLoader::fromFile(temp.filePath(QStringLiteral("missing.json"))).error().code == ErrorCode::IoError);
    CHECK(ProfileLoader::byId(QStringLiteral("suffolk")).error().code == ErrorCode::NotFound);
    CHECK(ProfileLoader::byId(QStringLiteral("../../etc/passwd")).error().code == ErrorCode::InvalidInput);
}

TEST_CASE("A referral of another front door opens under its own profile: the shelf loads it once and keeps it")
{
    ProfileShelf shelf(ProfileLoader::byId(QStringLiteral("norfolk-cads")).value());
    CHECK(shelf.home().id == QStringLiteral("norfolk-cads"));
    const Result<const Profile *> lincs = shelf.forId(QStringLiteral("lincolnshire-csc"));
    REQUIRE(lincs);
    CHECK((*lincs)->shortName != shelf.home().shortName);
    CHECK(shelf.forId(QStringLiteral("lincolnshire-csc")).value() == *lincs); // the same object, still valid
    CHECK(shelf.forId(QStringLiteral("norfolk-cads")).value() == &shelf.home());
    const Result<const Profile *> unknown = shelf.forId(QStringLiteral("atlantis"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.errorMessage().contains(QStringLiteral("atlantis")));
}
