#include "store/referralstate.h"

#include "referral/referraljson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace FrontDoor::ReferralState {

QString encode(const QJsonValue &value)
{
    // Wrapped in an array so that scalars and objects encode alike; QJsonObject keeps keys sorted, so equal
    // values always give equal text.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue valueAt(const FlatState &state, const QString &path)
{
    const auto it = state.constFind(path);
    if (it == state.constEnd())
        return QJsonValue::Null;
    return QJsonDocument::fromJson(it.value().toUtf8()).array().at(0);
}

FlatState flatten(const Referral &referral)
{
    const QJsonObject json = ReferralJson::toJson(referral);
    FlatState state;
    for (const char *scalar : {"status", "handler", "callStartedAt", "callEndedAt"})
        state.insert(u'@' + QString::fromLatin1(scalar), encode(json.value(QLatin1String(scalar))));
    const QJsonObject answers = json.value(QLatin1String("answers")).toObject();
    for (auto it = answers.begin(); it != answers.end(); ++it)
        state.insert(it.key(), encode(it.value()));
    for (const char *list : {"children", "adults"}) {
        const QString name = QString::fromLatin1(list);
        for (const QJsonValue &person : json.value(name).toArray()) {
            const QString prefix = QStringLiteral("%1[%2]").arg(name, person[QLatin1String("id")].toString());
            state.insert(prefix, encode(QJsonObject{}));
            const QJsonObject personAnswers = person[QLatin1String("answers")].toObject();
            for (auto it = personAnswers.begin(); it != personAnswers.end(); ++it)
                state.insert(prefix + u'.' + it.key(), encode(it.value()));
        }
    }
    for (const auto &[list, key] : {std::pair{"conversations", "id"}, std::pair{"sharingDecisions", "id"},
                                    std::pair{"outcomes", "childId"}, std::pair{"feedback", "id"},
                                    std::pair{"disagreements", "id"}, std::pair{"actions", "id"}}) {
        const QString name = QString::fromLatin1(list);
        for (const QJsonValue &record : json.value(name).toArray())
            state.insert(QStringLiteral("%1[%2]").arg(name, record[QLatin1String(key)].toString()), encode(record));
    }
    return state;
}

QStringList changedPaths(const FlatState &before, const FlatState &after)
{
    QStringList changed;
    auto a = before.constBegin();
    auto b = after.constBegin();
    while (a != before.constEnd() || b != after.constEnd()) {
        if (b == after.constEnd() || (a != before.constEnd() && a.key() < b.key())) {
            changed.append(a.key()); // removed
            ++a;
        } else if (a == before.constEnd() || b.key() < a.key()) {
            changed.append(b.key()); // added
            ++b;
        } else {
            if (a.value() != b.value())
                changed.append(a.key());
            ++a;
            ++b;
        }
    }
    return changed;
}

QString hash(const FlatState &state)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    for (auto it = state.constBegin(); it != state.constEnd(); ++it) {
        const QByteArray key = it.key().toUtf8();
        const QByteArray value = it.value().toUtf8();
        sha.addData(QByteArray(QByteArray::number(key.size()) + ':' + key + QByteArray::number(value.size()) + ':' + value));
    }
    return QString::fromLatin1(sha.result().toHex());
}

} // namespace FrontDoor::ReferralState
