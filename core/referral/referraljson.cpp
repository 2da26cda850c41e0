#include "referral/referraljson.h"

#include "common/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <climits>

namespace FrontDoor::ReferralJson {

namespace {

QJsonValue timeOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(toIsoUtc(dateTime)) : QJsonValue(QJsonValue::Null);
}

QJsonObject answersToJson(const AnswerMap &answers)
{
    QJsonObject object;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (it->state() != AnswerState::Unanswered)
            object.insert(it.key(), answerToJson(*it));
    }
    return object;
}

QJsonArray peopleToJson(const QList<Person> &people)
{
    QJsonArray array;
    for (const Person &person : people)
        array.append(QJsonObject{{QStringLiteral("id"), person.id},
                                 {QStringLiteral("answers"), answersToJson(person.answers)}});
    return array;
}

template<typename T, typename F>
QJsonArray listToJson(const QList<T> &items, F &&convert)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(convert(item));
    return array;
}

// ---- reading ---------------------------------------------------------------------------------------------

Answer readAnswer(JsonReader &reader, const QJsonObject &object, const QString &path)
{
    reader.allowOnly(object, path, {"value", "values", "state", "reason"});
    const bool hasValue = object.contains(QStringLiteral("value"));
    const bool hasValues = object.contains(QStringLiteral("values"));
    if (hasValue && hasValues) {
        reader.fail(path, QStringLiteral("has both \"value\" and \"values\""));
        return {};
    }
    if (hasValue || hasValues) {
        if (object.contains(QStringLiteral("state")) || object.contains(QStringLiteral("reason"))) {
            reader.fail(path, QStringLiteral("a given answer has no \"state\" or \"reason\""));
            return {};
        }
        if (hasValue) {
            const QString value = reader.string(object, path, "value");
            return reader.failed() ? Answer() : Answer::given(value);
        }
        const QStringList values = reader.stringList(object, path, "values", true);
        if (!reader.failed() && values.isEmpty())
            reader.fail(JsonReader::join(path, "values"), QStringLiteral("should not be empty"));
        return reader.failed() ? Answer() : Answer::givenMany(values);
    }
    const QString stateName = reader.string(object, path, "state");
    const QString reason = reader.string(object, path, "reason", false);
    AnswerState state = AnswerState::Unanswered;
    if (reader.failed())
        return {};
    if (!answerStateFromName(stateName, &state) || state == AnswerState::Unanswered
        || state == AnswerState::Given) {
        reader.fail(JsonReader::join(path, "state"),
                    QStringLiteral("\"%1\" is not one of notKnown, declined, notAsked").arg(stateName));
        return {};
    }
    switch (state) {
    case AnswerState::NotKnown:
        if (!reason.isEmpty())
            reader.fail(JsonReader::join(path, "reason"), QStringLiteral("\"not known\" takes no reason"));
        return Answer::notKnown();
    case AnswerState::Declined:
        return Answer::declined(reason);
    case AnswerState::NotAsked:
        return Answer::notAsked(reason);
    case AnswerState::Unanswered:
    case AnswerState::Given:
        break;
    }
    return {};
}

AnswerMap readAnswers(JsonReader &reader, const QJsonObject &object, const QString &path)
{
    AnswerMap answers;
    for (auto it = object.begin(); it != object.end() && !reader.failed(); ++it) {
        const QString itemPath = path + QLatin1Char('.') + it.key();
        if (it.key().trimmed().isEmpty()) {
            reader.fail(itemPath, QStringLiteral("an answer needs a key"));
            break;
        }
        if (!it->isObject()) {
            reader.fail(itemPath, QStringLiteral("should be an answer object"));
            break;
        }
        Answer answer = readAnswer(reader, it->toObject(), itemPath);
        if (answer.state() != AnswerState::Unanswered)
            answers.insert(it.key(), std::move(answer));
    }
    return answers;
}

// How many of each a referral may hold: the file limits, or none for the store's own documents.
struct Limits
{
    int children = mostChildren;
    int adults = mostAdults;
    int records = mostRecords;
    static Limits none() { return {INT_MAX, INT_MAX, INT_MAX}; }
};

// A list of at most `most` entries; a longer one fails by name before any of it is read.
QJsonArray boundedList(JsonReader &reader, const QJsonObject &root, const char *key, int most)
{
    const QJsonArray list = reader.array(root, {}, key);
    if (!reader.failed() && list.size() > most)
        reader.fail(QString::fromLatin1(key), QStringLiteral("has %1 entries; a referral holds at most %2")
                                                  .arg(list.size()).arg(most));
    return reader.failed() ? QJsonArray() : list;
}

QList<Person> readPeople(JsonReader &reader, const QJsonObject &root, const char *key, int most)
{
    QList<Person> people;
    QSet<QString> ids; // a set: checking each id stays linear in the number of people
    reader.forEachObject(boundedList(reader, root, key, most), QString::fromLatin1(key),
                         [&](const QJsonObject &object, const QString &path) {
                             reader.allowOnly(object, path, {"id", "answers"});
                             Person person;
                             person.id = reader.string(object, path, "id");
                             if (!reader.failed() && ids.contains(person.id))
                                 reader.fail(JsonReader::join(path, "id"),
                                             QStringLiteral("\"%1\" is used twice").arg(person.id));
                             ids.insert(person.id);
                             person.answers = readAnswers(reader, reader.object(object, path, "answers", false),
                                                          JsonReader::join(path, "answers"));
                             people.append(std::move(person));
                         });
    return people;
}

} // namespace

QJsonObject answerToJson(const Answer &answer)
{
    QJsonObject object;
    switch (answer.state()) {
    case AnswerState::Given:
        if (answer.isMultiple())
            object.insert(QStringLiteral("values"), QJsonArray::fromStringList(answer.values()));
        else
            object.insert(QStringLiteral("value"), answer.value());
        break;
    case AnswerState::NotKnown:
    case AnswerState::Declined:
    case AnswerState::NotAsked:
        object.insert(QStringLiteral("state"), answerStateName(answer.state()));
        if (!answer.reason().isEmpty())
            object.insert(QStringLiteral("reason"), answer.reason());
        break;
    case AnswerState::Unanswered:
        break;
    }
    return object;
}

QJsonObject toJson(const Referral &referral)
{
    QJsonObject root;
    root.insert(QStringLiteral("schemaVersion"), Referral::schemaVersion);
    root.insert(QStringLiteral("reference"), referral.reference);
    root.insert(QStringLiteral("profile"), referral.profileId);
    root.insert(QStringLiteral("status"), referralStatusName(referral.status));
    root.insert(QStringLiteral("handler"), referral.handler);
    root.insert(QStringLiteral("callStartedAt"), timeOrNull(referral.callStartedAt));
    root.insert(QStringLiteral("callEndedAt"), timeOrNull(referral.callEndedAt));
    root.insert(QStringLiteral("answers"), answersToJson(referral.answers));
    root.insert(QStringLiteral("children"), peopleToJson(referral.children));
    root.insert(QStringLiteral("adults"), peopleToJson(referral.adults));
    root.insert(QStringLiteral("conversations"), listToJson(referral.conversations, [](const Conversation &c) {
                    return QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("at"), timeOrNull(c.at)},
                                       {QStringLiteral("with"), c.with},
                                       {QStringLiteral("setting"), c.setting},
                                       {QStringLiteral("present"), c.present},
                                       {QStringLiteral("summary"), c.summary},
                                       {QStringLiteral("actions"), c.actions},
                                       {QStringLiteral("recordedBy"), c.recordedBy}};
                }));
    root.insert(QStringLiteral("sharingDecisions"), listToJson(referral.sharingDecisions, [](const SharingDecision &d) {
                    return QJsonObject{{QStringLiteral("id"), d.id},
                                       {QStringLiteral("at"), timeOrNull(d.at)},
                                       {QStringLiteral("share"), d.share},
                                       {QStringLiteral("information"), d.information},
                                       {QStringLiteral("recipient"), d.recipient},
                                       {QStringLiteral("reasons"), d.reasons},
                                       {QStringLiteral("decidedBy"), d.decidedBy},
                                       {QStringLiteral("advisedBy"), d.advisedBy}};
                }));
    root.insert(QStringLiteral("outcomes"), listToJson(referral.outcomes, [](const ChildOutcome &o) {
                    return QJsonObject{{QStringLiteral("childId"), o.childId},
                                       {QStringLiteral("outcome"), o.outcome},
                                       {QStringLiteral("rationale"), o.rationale},
                                       {QStringLiteral("alternatives"), QJsonArray::fromStringList(o.alternatives)},
                                       {QStringLiteral("decidedBy"), o.decidedBy},
                                       {QStringLiteral("decidedAt"), timeOrNull(o.decidedAt)}};
                }));
    root.insert(QStringLiteral("feedback"), listToJson(referral.feedback, [](const FeedbackRecord &f) {
                    return QJsonObject{{QStringLiteral("id"), f.id},
                                       {QStringLiteral("at"), timeOrNull(f.at)},
                                       {QStringLiteral("method"), f.method},
                                       {QStringLiteral("summary"), f.summary},
                                       {QStringLiteral("givenBy"), f.givenBy}};
                }));
    root.insert(QStringLiteral("disagreements"), listToJson(referral.disagreements, [](const Disagreement &d) {
                    return QJsonObject{{QStringLiteral("id"), d.id},
                                       {QStringLiteral("at"), timeOrNull(d.at)},
                                       {QStringLiteral("agency"), d.agency},
                                       {QStringLiteral("about"), d.about},
                                       {QStringLiteral("discussedWith"), d.discussedWith},
                                       {QStringLiteral("escalatedTo"), d.escalatedTo},
                                       {QStringLiteral("outcome"), d.outcome},
                                       {QStringLiteral("recordedBy"), d.recordedBy}};
                }));
    root.insert(QStringLiteral("actions"), listToJson(referral.actions, [](const FollowUpAction &a) {
                    return QJsonObject{{QStringLiteral("id"), a.id},
                                       {QStringLiteral("kind"), a.kind},
                                       {QStringLiteral("procedureId"), a.procedureId},
                                       {QStringLiteral("description"), a.description},
                                       {QStringLiteral("due"), timeOrNull(a.due)},
                                       {QStringLiteral("status"), actionStatusName(a.status)},
                                       {QStringLiteral("note"), a.note},
                                       {QStringLiteral("completedAt"), timeOrNull(a.completedAt)},
                                       {QStringLiteral("completedBy"), a.completedBy}};
                }));
    return root;
}

QByteArray serialize(const Referral &referral)
{
    return QJsonDocument(toJson(referral)).toJson(QJsonDocument::Indented);
}

QByteArray serializeCompact(const Referral &referral)
{
    return QJsonDocument(toJson(referral)).toJson(QJsonDocument::Compact);
}

namespace {

// The referral's own fields: reference, profile, status, handler, the call's times, its answers and people.
void readCall(JsonReader &reader, const QJsonObject &root, Referral &referral, const Limits &limits)
{
    referral.reference = reader.string(root, {}, "reference", false);
    referral.profileId = reader.string(root, {}, "profile");
    const QString status = reader.string(root, {}, "status", false);
    if (!reader.failed() && !status.isEmpty() && !referralStatusFromName(status, &referral.status))
        reader.fail(QStringLiteral("status"),
                    QStringLiteral("\"%1\" is not one of draft, submitted, decided, closed").arg(status));
    referral.handler = reader.string(root, {}, "handler", false);
    referral.callStartedAt = reader.dateTime(root, {}, "callStartedAt");
    referral.callEndedAt = reader.dateTime(root, {}, "callEndedAt");
    referral.answers = readAnswers(reader, reader.object(root, {}, "answers", false), QStringLiteral("answers"));
    referral.children = readPeople(reader, root, "children", limits.children);
    referral.adults = readPeople(reader, root, "adults", limits.adults);
}

// What the review records: discussions, sharing decisions, outcomes, feedback and disagreements.
void readReviewRecords(JsonReader &reader, const QJsonObject &root, Referral &referral, const Limits &limits)
{
    reader.forEachObject(boundedList(reader, root, "conversations", limits.records), QStringLiteral("conversations"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"id", "at", "with", "setting", "present", "summary", "actions",
                                                     "recordedBy"});
                             referral.conversations.append(Conversation{
                                 reader.string(o, p, "id"), reader.dateTime(o, p, "at"),
                                 reader.string(o, p, "with", false), reader.string(o, p, "setting", false),
                                 reader.string(o, p, "present", false), reader.string(o, p, "summary", false),
                                 reader.string(o, p, "actions", false), reader.string(o, p, "recordedBy", false)});
                         });
    reader.forEachObject(boundedList(reader, root, "sharingDecisions", limits.records), QStringLiteral("sharingDecisions"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"id", "at", "share", "information", "recipient", "reasons",
                                                     "decidedBy", "advisedBy"});
                             referral.sharingDecisions.append(SharingDecision{
                                 reader.string(o, p, "id"), reader.dateTime(o, p, "at"),
                                 reader.boolean(o, p, "share", true), reader.string(o, p, "information", false),
                                 reader.string(o, p, "recipient", false), reader.string(o, p, "reasons", false),
                                 reader.string(o, p, "decidedBy", false), reader.string(o, p, "advisedBy", false)});
                         });
    reader.forEachObject(boundedList(reader, root, "outcomes", limits.records), QStringLiteral("outcomes"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"childId", "outcome", "rationale", "alternatives", "decidedBy",
                                                     "decidedAt"});
                             referral.outcomes.append(ChildOutcome{
                                 reader.string(o, p, "childId"), reader.string(o, p, "outcome"),
                                 reader.string(o, p, "rationale", false), reader.stringList(o, p, "alternatives"),
                                 reader.string(o, p, "decidedBy", false), reader.dateTime(o, p, "decidedAt")});
                         });
    reader.forEachObject(boundedList(reader, root, "feedback", limits.records), QStringLiteral("feedback"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"id", "at", "method", "summary", "givenBy"});
                             referral.feedback.append(FeedbackRecord{
                                 reader.string(o, p, "id"), reader.dateTime(o, p, "at"),
                                 reader.string(o, p, "method", false), reader.string(o, p, "summary", false),
                                 reader.string(o, p, "givenBy", false)});
                         });
    reader.forEachObject(boundedList(reader, root, "disagreements", limits.records), QStringLiteral("disagreements"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"id", "at", "agency", "about", "discussedWith", "escalatedTo",
                                                     "outcome", "recordedBy"});
                             referral.disagreements.append(Disagreement{
                                 reader.string(o, p, "id"), reader.dateTime(o, p, "at"),
                                 reader.string(o, p, "agency", false), reader.string(o, p, "about", false),
                                 reader.string(o, p, "discussedWith", false), reader.string(o, p, "escalatedTo", false),
                                 reader.string(o, p, "outcome", false), reader.string(o, p, "recordedBy", false)});
                         });
}

// Each record of a list is named by its id (a person's card, a conversation …), so an id used twice makes two
// records one: refused, checked in one pass with a set.
template<typename T, typename Id>
void requireUniqueIds(JsonReader &reader, const QList<T> &records, const char *list, Id id)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < records.size() && !reader.failed(); ++i) {
        const QString value = id(records.at(i));
        if (seen.contains(value))
            reader.fail(QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(i),
                        QStringLiteral("\"%1\" is used twice").arg(value.left(64)));
        seen.insert(value);
    }
}

// The follow-up actions with their due times and states.
void readActions(JsonReader &reader, const QJsonObject &root, Referral &referral, const Limits &limits)
{
    reader.forEachObject(boundedList(reader, root, "actions", limits.records), QStringLiteral("actions"),
                         [&](const QJsonObject &o, const QString &p) {
                             reader.allowOnly(o, p, {"id", "kind", "procedureId", "description", "due", "status",
                                                     "note", "completedAt", "completedBy"});
                             FollowUpAction action;
                             action.id = reader.string(o, p, "id");
                             action.kind = reader.string(o, p, "kind");
                             action.procedureId = reader.string(o, p, "procedureId", false);
                             action.description = reader.string(o, p, "description", false);
                             action.due = reader.dateTime(o, p, "due");
                             const QString actionStatus = reader.string(o, p, "status", false);
                             if (!reader.failed() && !actionStatus.isEmpty()
                                 && !actionStatusFromName(actionStatus, &action.status))
                                 reader.fail(JsonReader::join(p, "status"),
                                             QStringLiteral("\"%1\" is not one of open, done, cancelled")
                                                 .arg(actionStatus));
                             action.note = reader.string(o, p, "note", false);
                             action.completedAt = reader.dateTime(o, p, "completedAt");
                             action.completedBy = reader.string(o, p, "completedBy", false);
                             referral.actions.append(std::move(action));
                         });
}

} // namespace

Result<Referral> fromJson(const QJsonObject &root, const QString &source, bool limited)
{
    JsonReader reader(source);
    reader.allowOnly(root,
                     {},
                     {"schemaVersion",
                      "reference",
                      "profile",
                      "status",
                      "handler",
                      "callStartedAt",
                      "callEndedAt",
                      "answers",
                      "children",
                      "adults",
                      "conversations",
                      "sharingDecisions",
                      "outcomes",
                      "feedback",
                      "disagreements",
                      "actions"});
    const double version = reader.number(root, {}, "schemaVersion", -1);
    if (!reader.failed() && version != Referral::schemaVersion) {
        reader.fail(QStringLiteral("schemaVersion"),
                    version < 0 ? QStringLiteral("is missing")
                                : QStringLiteral("%1 is not a version this Front Door reads (it reads %2)")
                                      .arg(version)
                                      .arg(Referral::schemaVersion));
    }

    Referral referral;
    const Limits limits = limited ? Limits{} : Limits::none();
    readCall(reader, root, referral, limits);
    readReviewRecords(reader, root, referral, limits);
    readActions(reader, root, referral, limits);
    const auto byId = [](const auto &record) { return record.id; };
    requireUniqueIds(reader, referral.conversations, "conversations", byId);
    requireUniqueIds(reader, referral.sharingDecisions, "sharingDecisions", byId);
    requireUniqueIds(reader, referral.feedback, "feedback", byId);
    requireUniqueIds(reader, referral.disagreements, "disagreements", byId);
    requireUniqueIds(reader, referral.actions, "actions", byId);
    requireUniqueIds(reader, referral.outcomes, "outcomes", [](const ChildOutcome &o) { return o.childId; });
    if (reader.failed())
        return reader.error();
    return referral;
}

Result<Referral> parse(const QByteArray &bytes, const QString &source)
{
    if (bytes.size() > largestFileBytes)
        return makeError(ErrorCode::SchemaError,
                         QStringLiteral("%1: is larger than a referral can be (%2 MiB).")
                             .arg(source).arg(largestFileBytes / (1024 * 1024)));
    const Result<QJsonObject> object = JsonReader::parseObject(bytes, source);
    if (!object)
        return object.error();
    if (Status strict = JsonReader::checkForeign(bytes, source); !strict)
        return strict.error();
    return fromJson(*object, source);
}

Result<Referral> readStored(const QByteArray &bytes, const QString &source)
{
    const Result<QJsonObject> object = JsonReader::parseObject(bytes, source);
    if (!object)
        return object.error();
    return fromJson(*object, source, false);
}

} // namespace FrontDoor::ReferralJson
