#include "store/schemaguards.h"

#include "store/database.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
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
    if (Status s = Database::registerFunctions(scratch); !s) {
        sqlite3_close(scratch);
        return s;
    }
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

// Team mode: the triggers and the row-level security the server's steps create (read from their own SQL, so a new
// step's guard is guarded without a list to keep in step), each still there and enabled.
Result<QStringList> serverProblems(Database &database)
{
    QString script = database.sql().statement(QStringLiteral("server.prepare"));
    for (int step = 1; database.sql().contains(QStringLiteral("migrate.%1").arg(step)); ++step)
        script += database.sql().statement(QStringLiteral("migrate.%1").arg(step));
    static const QRegularExpression secured(QStringLiteral("ALTER TABLE (\\w+) ENABLE ROW LEVEL SECURITY"));
    QSqlQuery rows(database.connection());
    if (!rows.exec(QStringLiteral("SELECT c.relname || '.' || t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c "
                                  "ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                                  "n.nspname = 'frontdoor' AND NOT t.tgisinternal")))
        return serverError(rows.lastError(), database.path());
    QMap<QString, QString> found; // table.trigger → enabled ('O': as the origin fires it)
    while (rows.next())
        found.insert(rows.value(0).toString(), rows.value(1).toString());
    const QStringList expected = SchemaGuards::serverTriggers(script);
    QStringList problems;
    for (const QString &name : std::as_const(expected)) {
        if (!found.contains(name))
            problems.append(QStringLiteral("the guard %1 (a trigger that protects the trail or the accounts)"
                                           " is missing on the server: it was dropped outside Front Door")
                                .arg(name));
        else if (found.take(name) != QLatin1String("O"))
            problems.append(QStringLiteral("the guard %1 was disabled on the server outside Front Door").arg(name));
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        problems.append(
            QStringLiteral("a trigger %1 that Front Door never made was added on the server").arg(it.key()));
    if (!rows.exec(QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                  "WHERE n.nspname = 'frontdoor' AND c.relkind = 'r' AND c.relrowsecurity")))
        return serverError(rows.lastError(), database.path());
    QStringList securedNow;
    while (rows.next())
        securedNow.append(rows.value(0).toString());
    for (auto m = secured.globalMatch(script); m.hasNext();)
        if (const QString table = m.next().captured(1); !securedNow.contains(table))
            problems.append(QStringLiteral("row-level security was turned off on %1 outside Front Door: the "
                                           "server no longer limits who sees its rows")
                                .arg(table));
    return problems;
}

} // namespace

Result<QStringList> problems(Database &database)
{
    if (database.isServer())
        return serverProblems(database);
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

QStringList serverTriggers(const QString &script)
{
    // Made, or dropped by a later step, in the order the steps run.
    static const QRegularExpression trigger(
        QStringLiteral(
            "(CREATE(?:\\s+OR\\s+REPLACE)?|DROP)\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s(?:.*?\\s)??ON\\s+"
            "(?:\\w+\\.)?(\\w+)"),
        QRegularExpression::DotMatchesEverythingOption);
    QStringList made;
    for (auto m = trigger.globalMatch(script); m.hasNext();) {
        const QRegularExpressionMatch match = m.next();
        const QString name = match.captured(3) + u'.' + match.captured(2);
        made.removeAll(name); // dropped, or made again (OR REPLACE): once, where it now stands
        if (!match.captured(1).startsWith(QLatin1String("DROP")))
            made.append(name);
    }
    return made;
}

} // namespace FrontDoor::SchemaGuards
