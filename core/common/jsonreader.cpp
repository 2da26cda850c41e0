#include "common/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <vector>

namespace FrontDoor {

namespace {
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("text");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

// Line and column of a byte offset, for messages a person can follow in an editor.
QString lineAndColumn(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}
} // namespace

namespace {

// Longer than any text a referral or profile holds (about sixty pages); a longer one is refused, not stored.
constexpr qsizetype longestText = 100'000;

// A key as the parser will see it: escapes decoded (by Qt's own parser, when there are any).
QString decodedKey(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    const QJsonDocument wrapped = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return wrapped.isArray() ? wrapped.array().at(0).toString() : QString::fromUtf8(raw); // malformed: the parse says
}

// What Qt's parser lets through and a strict reader must not: a key twice in one object (Qt keeps one value
// silently) and absurdly long texts. Returns the offset of the first such thing and what it is, or -1.
std::pair<qsizetype, QString> rawProblem(const QByteArray &bytes)
{
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys; // decoded: "st\u0061tus" and "status" are one key
    };
    std::vector<Frame> open;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '"') {
            const qsizetype start = i + 1;
            bool escaped = false;
            qsizetype characters = 0; // as decoded: a UTF-8 sequence or an escape is one character
            for (++i; i < bytes.size(); ++i) {
                const auto d = static_cast<unsigned char>(bytes.at(i));
                if (escaped) {
                    escaped = false;
                    if (d == 'u' && i + 4 < bytes.size()) {
                        // \uDC00-\uDFFF ends a surrogate pair whose first half was counted already.
                        if ((bytes.at(i + 1) == 'd' || bytes.at(i + 1) == 'D')
                            && QByteArrayView("cdefCDEF").contains(bytes.at(i + 2)))
                            --characters;
                        i += 4; // the four hex digits
                    }
                } else if (d == '\\') {
                    escaped = true;
                    ++characters;
                } else if (d == '"') {
                    break;
                } else if ((d & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                    ++characters;
                }
            }
            const qsizetype length = i - start;
            if (characters > longestText)
                return {start, QStringLiteral("a text of %1 characters, longer than any referral needs (at most %2)")
                                   .arg(characters).arg(longestText)};
            if (!open.empty() && open.back().object && open.back().expectKey) {
                const QString key = decodedKey(bytes.mid(start, length));
                if (open.back().keys.contains(key))
                    return {start, QStringLiteral("the key \"%1\" twice in one object").arg(key.left(64))};
                open.back().keys.insert(key);
                open.back().expectKey = false;
            }
        } else if (c == '{') {
            open.push_back(Frame{true, true, {}});
        } else if (c == '[') {
            open.push_back(Frame{false, false, {}});
        } else if ((c == '}' || c == ']') && !open.empty()) {
            open.pop_back();
        } else if (c == ',' && !open.empty() && open.back().object) {
            open.back().expectKey = true;
        }
    }
    return {-1, {}};
}

} // namespace

Result<QJsonObject> JsonReader::parseObject(const QByteArray &bytes, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorCode::ParseError,
                         QStringLiteral("%1: not valid JSON at %2: %3.")
                             .arg(source, lineAndColumn(bytes, parseError.offset), parseError.errorString()));
    }
    if (!document.isObject())
        return makeError(ErrorCode::SchemaError, QStringLiteral("%1: should hold one JSON object.").arg(source));
    return document.object();
}

Status JsonReader::checkForeign(const QByteArray &bytes, const QString &source)
{
    if (const auto [offset, what] = rawProblem(bytes); offset >= 0)
        return makeError(ErrorCode::SchemaError,
                         QStringLiteral("%1: at %2: %3.").arg(source, lineAndColumn(bytes, offset), what));
    return {};
}

Error JsonReader::error() const
{
    const QString where = m_path.isEmpty() ? m_source : QStringLiteral("%1: %2").arg(m_source, m_path);
    return makeError(ErrorCode::SchemaError, QStringLiteral("%1: %2.").arg(where, m_what));
}

void JsonReader::fail(const QString &path, const QString &what)
{
    if (m_failed)
        return;
    m_failed = true;
    m_path = path;
    m_what = what;
}

QString JsonReader::join(const QString &path, const char *key)
{
    const QString name = QString::fromLatin1(key);
    return path.isEmpty() ? name : path + QLatin1Char('.') + name;
}

void JsonReader::allowOnly(const QJsonObject &object, const QString &path,
                           std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end() && !m_failed; ++it) {
        bool known = false;
        for (const char *key : allowed)
            known = known || it.key() == QLatin1String(key);
        if (!known) {
            QStringList names;
            for (const char *key : allowed)
                names << QString::fromLatin1(key);
            fail(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                 QStringLiteral("unknown key (expected one of: %1)").arg(names.join(QStringLiteral(", "))));
        }
    }
}

std::optional<QJsonValue> JsonReader::typed(const QJsonObject &object,
                                            const QString &path,
                                            const char *key,
                                            bool required,
                                            bool (QJsonValue::*isKind)() const,
                                            const char *kindWords)
{
    if (m_failed)
        return std::nullopt;
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined()) {
        if (required)
            fail(join(path, key), QStringLiteral("is missing"));
        return std::nullopt;
    }
    if (!(value.*isKind)()) {
        fail(join(path, key), QStringLiteral("should be %1, not %2").arg(QLatin1String(kindWords), typeName(value)));
        return std::nullopt;
    }
    return value;
}

QString JsonReader::string(const QJsonObject &object, const QString &path, const char *key, bool required)
{
    const std::optional<QJsonValue> value = typed(object, path, key, required, &QJsonValue::isString, "text");
    if (!value)
        return {};
    if (required && value->toString().trimmed().isEmpty())
        fail(join(path, key), QStringLiteral("should not be empty"));
    return value->toString();
}

QStringList JsonReader::stringList(const QJsonObject &object, const QString &path, const char *key, bool required)
{
    const std::optional<QJsonValue> value = typed(object, path, key, required, &QJsonValue::isArray, "a list of text");
    if (!value)
        return {};
    QStringList result;
    const QJsonArray array = value->toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            fail(QStringLiteral("%1[%2]").arg(join(path, key)).arg(i),
                 QStringLiteral("should be text, not %1").arg(typeName(array.at(i))));
            return {};
        }
        result << array.at(i).toString();
    }
    return result;
}

bool JsonReader::boolean(const QJsonObject &object, const QString &path, const char *key, bool fallback)
{
    const std::optional<QJsonValue> value = typed(object, path, key, false, &QJsonValue::isBool, "true or false");
    return value ? value->toBool() : fallback;
}

double JsonReader::number(const QJsonObject &object, const QString &path, const char *key, double fallback)
{
    const std::optional<QJsonValue> value = typed(object, path, key, false, &QJsonValue::isDouble, "a number");
    return value ? value->toDouble() : fallback;
}

QJsonObject JsonReader::object(const QJsonObject &object, const QString &path, const char *key, bool required)
{
    const std::optional<QJsonValue> value = typed(object, path, key, required, &QJsonValue::isObject, "an object");
    return value ? value->toObject() : QJsonObject();
}

QJsonArray JsonReader::array(const QJsonObject &object, const QString &path, const char *key, bool required)
{
    const std::optional<QJsonValue> value = typed(object, path, key, required, &QJsonValue::isArray, "a list");
    return value ? value->toArray() : QJsonArray();
}

QDateTime JsonReader::dateTime(const QJsonObject &object, const QString &path, const char *key, bool required)
{
    if (m_failed)
        return {};
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), QStringLiteral("is missing"));
        return {};
    }
    if (!value.isString()) {
        fail(join(path, key), QStringLiteral("should be a date and time as text, not %1").arg(typeName(value)));
        return {};
    }
    const QString text = value.toString();
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    const bool hasZone = text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+'))
                         || text.lastIndexOf(QLatin1Char('-')) > 10;
    if (!parsed.isValid() || !hasZone) {
        fail(join(path, key), QStringLiteral("\"%1\" is not a date and time like 2026-11-24T10:15:00.000Z").arg(text));
        return {};
    }
    return parsed.toUTC();
}

QString toIsoUtc(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace FrontDoor
