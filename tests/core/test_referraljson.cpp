// The referral's JSON form: versioned, strict, round-trip exact.
#include "support/referralbuilder.h"

#include "common/jsonreader.h"
#include "referral/referraljson.h"

#include <QJsonArray>

#include <QJsonDocument>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {
Referral fullReferral()
{
    Referral r = draft(QStringLiteral("norfolk-cads"), QStringLiteral("Zoë Ñandú-Ørsted 李小龍"));
    r.status = ReferralStatus::Submitted;
    r.callEndedAt = testNow();
    give(r, QStringLiteral("referrer.type"), QStringLiteral("memberOfPublic"));
    giveMany(r, QStringLiteral("triage.dangerAction"), {QStringLiteral("policeCalled"), QStringLiteral("childMoved")});
    r.setAnswer(QStringLiteral("family.address"), Answer::notKnown());
    r.setAnswer(QStringLiteral("referrer.name"), Answer::declined(QStringLiteral("Fears reprisal")));
    r.setAnswer(QStringLiteral("family.events"), Answer::notAsked(QStringLiteral("Caller had to go")));
    Person adult;
    adult.id = QStringLiteral("a1");
    adult.answers.insert(QStringLiteral("roles"), Answer::givenMany({QStringLiteral("householdMember")}));
    r.adults.append(adult);
    r.conversations.append(Conversation{QStringLiteral("v1"), testNow(), QStringLiteral("caller"),
                                        QStringLiteral("telephone"), QStringLiteral("caller"),
                                        QStringLiteral("Line one\nline two \"quoted\""), {}, QStringLiteral("u1")});
    r.sharingDecisions.append(SharingDecision{QStringLiteral("s1"), testNow(), false, QStringLiteral("a"),
                                              QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), {}});
    r.outcomes.append(ChildOutcome{QStringLiteral("c1"), QStringLiteral("noFurtherAction"), QStringLiteral("r"),
                                   {QStringLiteral("advice")}, QStringLiteral("u2"), testNow().addMSecs(123)});
    r.feedback.append(FeedbackRecord{QStringLiteral("f1"), testNow(), QStringLiteral("phone"), QStringLiteral("s"),
                                     QStringLiteral("u2")});
    FollowUpAction action;
    action.id = QStringLiteral("x1");
    action.kind = QStringLiteral("decision");
    action.procedureId = QStringLiteral("NOR-T4");
    action.due = testNow().addDays(1);
    action.status = ActionStatus::Done;
    action.completedAt = testNow();
    r.actions.append(action);
    return r;
}
} // namespace

TEST_CASE("A referral survives JSON exactly, both ways")
{
    const Referral original = fullReferral();
    const QByteArray bytes = ReferralJson::serialize(original);
    const Result<Referral> read = ReferralJson::parse(bytes, QStringLiteral("test"));
    INFO(read.errorMessage().toStdString());
    REQUIRE(read.ok());
    CHECK(*read == original);
    CHECK(ReferralJson::serialize(*read) == bytes);
    CHECK(bytes.contains("\"schemaVersion\": 1"));
    CHECK(bytes.contains("\"callStartedAt\": \"2026-11-24T10:10:00.000Z\""));
}

TEST_CASE("Unanswered items are not written, answer states are")
{
    const QJsonObject json = ReferralJson::toJson(fullReferral());
    const QJsonObject answers = json.value(QStringLiteral("answers")).toObject();
    CHECK_FALSE(answers.contains(QStringLiteral("concern.nature")));
    CHECK(answers.value(QStringLiteral("family.address")).toObject()
          == QJsonObject{{QStringLiteral("state"), QStringLiteral("notKnown")}});
    CHECK(answers.value(QStringLiteral("family.events")).toObject().value(QStringLiteral("reason")).toString()
          == QStringLiteral("Caller had to go"));
}

TEST_CASE("Malformed referral JSON is refused with the key path")
{
    const auto error = [](const char *json) {
        return ReferralJson::parse(QByteArray(json), QStringLiteral("in.json")).errorMessage();
    };
    CHECK(error("{").startsWith(QStringLiteral("in.json: not valid JSON at line 1")));
    CHECK(error("[]") == QStringLiteral("in.json: should hold one JSON object."));
    CHECK(error(R"({"profile":"norfolk-cads"})") == QStringLiteral("in.json: schemaVersion: is missing."));
    CHECK(error(R"({"schemaVersion":2,"profile":"norfolk-cads"})")
          == QStringLiteral("in.json: schemaVersion: 2 is not a version this Front Door reads (it reads 1)."));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","colour":"red"})").startsWith(
        QStringLiteral("in.json: colour: unknown key")));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","answers":{"a.b":{"value":3}}})")
          == QStringLiteral("in.json: answers.a.b.value: should be text, not a number."));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","answers":{"a.b":{"state":"maybe"}}})")
          == QStringLiteral("in.json: answers.a.b.state: \"maybe\" is not one of notKnown, declined, notAsked."));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","children":[{"id":"c1"},{"id":"c1"}]})")
          == QStringLiteral("in.json: children[1].id: \"c1\" is used twice."));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","callStartedAt":"yesterday"})").contains(
        QStringLiteral("callStartedAt: \"yesterday\" is not a date and time")));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","callStartedAt":"2026-11-24T10:00:00"})").contains(
        QStringLiteral("is not a date and time")));
    CHECK(error(R"({"schemaVersion":1,"profile":"norfolk-cads","status":"lost"})").contains(
        QStringLiteral("status: \"lost\" is not one of")));
}

TEST_CASE("NOR-R6: a disagreement is its own record and survives the JSON round trip, and older documents lack it")
{
    Referral referral = draft(QStringLiteral("norfolk-cads"));
    referral.disagreements.append(Disagreement{QStringLiteral("g-1"), testNow(), QStringLiteral("Invented Primary School"),
                                               QStringLiteral("They expected an assessment."),
                                               QStringLiteral("Team manager"), {}, {}, QStringLiteral("u-supervisor")});
    const QJsonObject json = ReferralJson::toJson(referral);
    REQUIRE(json.value(QStringLiteral("disagreements")).toArray().size() == 1);
    Result<Referral> back = ReferralJson::fromJson(json, QStringLiteral("test"));
    REQUIRE(back);
    CHECK(back->disagreements == referral.disagreements);

    QJsonObject older = json;
    older.remove(QStringLiteral("disagreements"));
    Result<Referral> old = ReferralJson::fromJson(older, QStringLiteral("test"));
    REQUIRE(old);
    CHECK(old->disagreements.isEmpty());
}

TEST_CASE("A file from outside is refused for a key given twice or an absurd text, with the place")
{
    const Status twice = JsonReader::checkForeign(QByteArrayLiteral("{\n  \"a\": 1,\n  \"a\": 2\n}"), QStringLiteral("x.json"));
    REQUIRE_FALSE(twice);
    CHECK(twice.errorMessage().contains(QStringLiteral("x.json: at line 3")));
    CHECK(twice.errorMessage().contains(QStringLiteral("\"a\" twice")));
    // Written differently, the same key: the parser would decode both to "status" and keep one.
    const Status escaped = JsonReader::checkForeign(QByteArrayLiteral(R"({"status": "draft", "st\u0061tus": "decided"})"),
                                                    QStringLiteral("z.json"));
    REQUIRE_FALSE(escaped);
    CHECK(escaped.errorMessage().contains(QStringLiteral("\"status\" twice")));
    CHECK(JsonReader::checkForeign(QByteArrayLiteral(R"({"a\"b": 1, "a\\b": 2})"), {})); // different keys, both escaped
    // The same key in two different objects is fine, and so is a key's name appearing as a value.
    CHECK(JsonReader::checkForeign(QByteArrayLiteral(R"({"a": {"a": "a"}, "b": [{"a": 1}, {"a": 2}]})"), {}));
    const Status huge = JsonReader::checkForeign("{\"a\": \"" + QByteArray(100'001, 'x') + "\"}", QStringLiteral("y.json"));
    REQUIRE_FALSE(huge);
    CHECK(huge.errorMessage().contains(QStringLiteral("100001 characters")));
    CHECK(JsonReader::checkForeign("{\"a\": \"" + QByteArray(100'000, 'x') + "\"}", {}));
}
