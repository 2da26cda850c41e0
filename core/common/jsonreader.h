#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <QStringList>
#include <optional>

#include <initializer_list>

namespace FrontDoor {

// Reads JSON written by people or other systems, strictly: the first problem is kept, with the source (a file
// name), the key path ("sections[2].questions[4].type") and what is wrong, in words a person can act on.
// Readers call the typed getters, then check failed() once at the end; after a failure getters return defaults.
class JsonReader
{
public:
    explicit JsonReader(QString source) : m_source(std::move(source)) {}

    static Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &source);
    // For a file from outside (an import): what Qt's parser lets through and a strict reader must not — a key
    // twice in one object (Qt keeps one value silently) and texts over 100,000 characters — with the place. Not
    // used on the store's own documents, which may hold a long text a handler typed.
    static Status checkForeign(const QByteArray &bytes, const QString &source);

    bool failed() const { return m_failed; }
    Error error() const;
    void fail(const QString &path, const QString &what);

    // Keys not in `allowed` are an error: a misspelt key must not be silently ignored.
    void allowOnly(const QJsonObject &object, const QString &path, std::initializer_list<const char *> allowed);

    QString string(const QJsonObject &object, const QString &path, const char *key, bool required = true);
    QStringList stringList(const QJsonObject &object, const QString &path, const char *key, bool required = false);
    bool boolean(const QJsonObject &object, const QString &path, const char *key, bool fallback = false);
    double number(const QJsonObject &object, const QString &path, const char *key, double fallback = 0);
    QJsonObject object(const QJsonObject &object, const QString &path, const char *key, bool required = true);
    QJsonArray array(const QJsonObject &object, const QString &path, const char *key, bool required = false);
    // An ISO 8601 date-time with an offset or Z; returned in UTC. Absent or null: an invalid QDateTime.
    QDateTime dateTime(const QJsonObject &object, const QString &path, const char *key, bool required = false);

    // Each element of an array that must hold objects; the callback gets the element and its path.
    template<typename F>
    void forEachObject(const QJsonArray &array, const QString &path, F &&callback)
    {
        for (qsizetype i = 0; i < array.size() && !m_failed; ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (!array.at(i).isObject()) {
                fail(itemPath, QStringLiteral("should be an object"));
                return;
            }
            callback(array.at(i).toObject(), itemPath);
        }
    }

    static QString join(const QString &path, const char *key);

private:
    // The value under `key` when it is there and of the kind `isKind` accepts; otherwise nothing, having failed with
    // the place and what was wrong ("should be a list, not text"; "is missing" only when required).
    std::optional<QJsonValue> typed(const QJsonObject &object,
                                    const QString &path,
                                    const char *key,
                                    bool required,
                                    bool (QJsonValue::*isKind)() const,
                                    const char *kindWords);

    QString m_source;
    QString m_path;
    QString m_what;
    bool m_failed = false;
};

// The one text form of a timestamp in every file we write: UTC, millisecond precision, e.g.
// 2026-11-24T10:15:00.000Z.
QString toIsoUtc(const QDateTime &dateTime);

} // namespace FrontDoor
