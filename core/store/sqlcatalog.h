#pragma once

#include "common/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace FrontDoor {

// Every SQL statement lives once, under a key, in resources/sql/<dialect>/*.sql (architecture: "SQL by name, per
// dialect"), so a PostgreSQL dialect can be added beside SQLite without touching callers. A file holds named
// statements, each introduced by a line "-- name: <key>"; whole-line "--" comments are left out of the statement;
// a statement may span lines (and hold semicolons, as triggers do). A statement may also be a piece of one that
// Database::exec puts together (the queue's select, its filters that are set, its order). The keys every dialect
// must define are listed, and checked, in tests/store/test_database.cpp.
class SqlCatalog
{
public:
    static Result<SqlCatalog> load(const QString &dialect); // reads :/sql/<dialect>/*.sql
    static Result<SqlCatalog> fromText(const QString &text, const QString &source);

    // The statement under `key`. Asking for a key the catalog lacks is a programming error: it returns an empty
    // string, which the database refuses to prepare, so the failure surfaces as an error value, not a crash.
    QString statement(const QString &key) const { return m_statements.value(key); }
    bool contains(const QString &key) const { return m_statements.contains(key); }
    QStringList keys() const;

private:
    QHash<QString, QString> m_statements;
};

} // namespace FrontDoor
