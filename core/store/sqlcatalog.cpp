#include "store/sqlcatalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace FrontDoor {

Result<SqlCatalog> SqlCatalog::fromText(const QString &text, const QString &source)
{
    static const QRegularExpression header(QStringLiteral(R"(^--\s*name:\s*([A-Za-z0-9_.-]+)\s*$)"));
    SqlCatalog catalog;
    QString key;
    QString body;
    int lineNumber = 0;
    const auto finish = [&]() -> Status {
        if (key.isEmpty())
            return {};
        const QString trimmed = body.trimmed();
        if (trimmed.isEmpty())
            return makeError(ErrorCode::SchemaError, QStringLiteral("%1: statement \"%2\" is empty").arg(source, key));
        if (catalog.m_statements.contains(key))
            return makeError(ErrorCode::SchemaError, QStringLiteral("%1: \"%2\" is defined twice").arg(source, key));
        catalog.m_statements.insert(key, trimmed);
        return {};
    };
    for (const QString &line : text.split(u'\n')) {
        ++lineNumber;
        const QRegularExpressionMatch match = header.match(line.trimmed());
        if (match.hasMatch()) {
            if (Status done = finish(); !done)
                return done.error();
            key = match.captured(1);
            body.clear();
            continue;
        }
        if (key.isEmpty()) {
            if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1String("--")))
                return makeError(ErrorCode::SchemaError,
                                 QStringLiteral("%1:%2: SQL before the first \"-- name:\" line").arg(source).arg(lineNumber));
            continue;
        }
        // A whole-line comment is for the reader, not the server: left out, so Qt's placeholder parser never meets
        // an apostrophe in prose ("the writer's") and takes the rest of the statement for a string.
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        body += line + u'\n';
    }
    if (Status done = finish(); !done)
        return done.error();
    return catalog;
}

Result<SqlCatalog> SqlCatalog::load(const QString &dialect)
{
    const QDir folder(QStringLiteral(":/sql/") + dialect);
    const QStringList files = folder.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return makeError(ErrorCode::Unsupported, QStringLiteral("There is no SQL for the database kind \"%1\".").arg(dialect));
    SqlCatalog all;
    for (const QString &name : files) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be read").arg(file.fileName()));
        Result<SqlCatalog> part = fromText(QString::fromUtf8(file.readAll()), name);
        if (!part)
            return part.error();
        for (auto it = part->m_statements.cbegin(); it != part->m_statements.cend(); ++it) {
            if (all.m_statements.contains(it.key()))
                return makeError(ErrorCode::SchemaError,
                                 QStringLiteral("%1: \"%2\" is already defined in another file").arg(name, it.key()));
            all.m_statements.insert(it.key(), it.value());
        }
    }
    return all;
}

QStringList SqlCatalog::keys() const
{
    QStringList result = m_statements.keys();
    result.sort();
    return result;
}

} // namespace FrontDoor
