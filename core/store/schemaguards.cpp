#include "store/schemaguards.h"

#include "store/database.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace FrontDoor::SchemaGuards {

namespace {

using Triggers = QMap<QString, QString>; // name → its CREATE TRIGGER text

const QString triggersQuery = QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'");

Status builtTriggers(const SqlCatalog &sql, int version, Triggers &triggers)
{
    sqlite3 *scratch = nullptr;
    if (sqlite3_open(":memory:", &scratch) != SQLITE_OK) {
        sqlite3_close(scratch);
        return makeError(ErrorCode::DatabaseError, QStringLiteral("SQLite could not open a scratch database."));
    }
    const auto fail = [scratch](const QString &what) {
        const Error error = makeError(ErrorCode::DatabaseError,
                                      QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(scratch))));
        sqlite3_close(scratch);
        return Status{error};
    };
    for (const Migration &migration : Database::builtInMigrations(sql))
        if (migration.version <= version
            && sqlite3_exec(scratch, migration.script.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail(QStringLiteral("Database step %1 does not build").arg(migration.version));
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(scratch, triggersQuery.toUtf8().constData(), -1, &statement, nullptr) != SQLITE_OK)
        return fail(QStringLiteral("Reading the built triggers"));
    while (sqlite3_step(statement) == SQLITE_ROW)
        triggers.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))),
                        QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1))));
    sqlite3_finalize(statement);
    sqlite3_close(scratch);
    return {};
}

} // namespace

Result<QStringList> problems(Database &database)
{
    // Built once per schema version: every Database reads the same catalog.
    static QMutex mutex;
    static QHash<int, Triggers> built;
    const QMutexLocker locker(&mutex);
    auto expected = built.find(database.schemaVersion());
    if (expected == built.end()) {
        Triggers triggers;
        if (Status s = builtTriggers(database.sql(), database.schemaVersion(), triggers); !s)
            return s.error();
        expected = built.insert(database.schemaVersion(), triggers);
    }
    QSqlQuery rows(database.connection());
    if (!rows.exec(triggersQuery))
        return databaseError(rows.lastError(), database.path());
    Triggers found;
    while (rows.next())
        found.insert(rows.value(0).toString(), rows.value(1).toString());
    QStringList problems;
    for (auto it = expected->cbegin(); it != expected->cend(); ++it) {
        if (!found.contains(it.key()))
            problems.append(QStringLiteral("the guard %1 (a trigger that protects the trail or the accounts) is missing: it "
                                           "was dropped outside Front Door").arg(it.key()));
        else if (found.value(it.key()) != it.value())
            problems.append(QStringLiteral("the guard %1 (a trigger that protects the trail or the accounts) was altered "
                                           "outside Front Door").arg(it.key()));
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        if (!expected->contains(it.key()))
            problems.append(QStringLiteral("a trigger %1 that Front Door never made was added outside it").arg(it.key()));
    return problems;
}

} // namespace FrontDoor::SchemaGuards
