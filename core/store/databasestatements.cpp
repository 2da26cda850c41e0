#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

// Running the catalog's statements (database.cpp opens, checks and upgrades the file; databasestate.cpp holds its
// states): each prepared once under its key, or under the list of pieces it was put together from, and kept.

namespace FrontDoor {

Result<QSqlQuery *> Database::exec(const QString &key, Bindings values)
{
    QVariantMap map;
    for (const auto &[name, value] : values)
        map.insert(QString::fromLatin1(name), value);
    return exec(key, map);
}

Result<QStringList> Database::column(const QString &key, Bindings values)
{
    Result<QSqlQuery *> rows = exec(key, values);
    if (!rows)
        return rows.error();
    QStringList texts;
    while ((*rows)->next())
        texts.append((*rows)->value(0).toString());
    (*rows)->finish();
    return texts;
}

Result<QSqlQuery *> Database::exec(const QString &key, const QVariantMap &values)
{
    if (Status s = refuseWhileKeyWiped(); !s)
        return s.error();
    if (Status s = reconnectIfLost(); !s)
        return s.error();
    return execPrepared(key, {key}, values);
}

Result<QSqlQuery *> Database::exec(const QStringList &pieces, const QVariantMap &values)
{
    if (Status s = refuseWhileKeyWiped(); !s)
        return s.error();
    if (Status s = reconnectIfLost(); !s)
        return s.error();
    return execPrepared(pieces.join(u'+'), pieces, values);
}

Result<QSqlQuery *> Database::execPrepared(const QString &key, const QStringList &pieces, const QVariantMap &values)
{
    auto it = m_prepared.find(key);
    if (it == m_prepared.end()) {
        QStringList statement;
        for (const QString &piece : pieces) {
            statement.append(m_sql.statement(piece));
            if (statement.constLast().isEmpty())
                return makeError(ErrorCode::DatabaseError,
                                 QStringLiteral("No SQL statement \"%1\" in this build.").arg(piece));
        }
        QSqlQuery query(connection());
        if (!query.prepare(statement.join(u'\n')))
            return errorOf(query.lastError(), QStringLiteral("%1 (%2)").arg(m_path, key));
        it = m_prepared.insert(key, query);
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (auto value = values.cbegin(); value != values.cend(); ++value)
        query.bindValue(u':' + value.key(), value.value());
    if (!query.exec()) {
        if (!m_writeRefusal.isEmpty())
            return makeError(ErrorCode::DatabaseCorrupt, m_writeRefusal);
        return errorOf(query.lastError(), m_path);
    }
    return &query;
}

Error Database::errorOf(const QSqlError &error, const QString &what) const
{
    if (!isServer())
        return databaseError(error, what);
    Error e = serverError(error, what);
    if (e.code == ErrorCode::Unreachable)
        m_connectionLost = true;
    return e;
}

} // namespace FrontDoor
