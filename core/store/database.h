#pragma once

#include "common/result.h"
#include "store/sqlcatalog.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <utility>

struct sqlite3;

namespace FrontDoor {

// One schema step: the SQL of migrate.<version> in the dialect's catalog.
struct Migration
{
    int version = 0;
    QString script;
};

// One open SQLite file: a named Qt Sql connection (QSQLITE), its pragmas, its schema version, and the statements
// of the SQL catalog. Opening checks before it writes: a file that is not SQLite, is damaged (quick_check,
// foreign_key_check), belongs to another application or was written by a newer Front Door is refused with a
// message naming the file, and its bytes are left exactly as they were.
class Database
{
public:
    static constexpr int latestSchemaVersion = 4;
    static constexpr int applicationId = 0x46444F52;         // "FDOR", in the SQLite header
    static constexpr int trainingApplicationId = 0x46445452; // "FDTR": a training database (issue 7)

    struct Options
    {
        bool readOnly = false;
        bool quickCheck = true;     // PRAGMA quick_check at open (its cost is reported by bench_store)
        QString backupFolder;       // refuse to initialise an empty file when backups of it exist there
        bool training = false;      // an empty file becomes a training database (its header says so for ever)
        // Work a step needs beyond its SQL (step 3 records the accounts in the trail), run inside the step's
        // transaction after its script; a failure rolls the whole step back.
        std::function<Status(Database &, int version)> duringStep;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }
    // For tests of the migration machinery: the steps to apply instead of the built-in ones (empty: built-in).
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options,
                                                  const QList<Migration> &migrations);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    // Invented cases for practice: a different file header, so live and training can never be taken for each other.
    bool isTraining() const { return m_training; }
    int schemaVersion() const { return m_schemaVersion; }
    const SqlCatalog &sql() const { return m_sql; }
    QSqlDatabase connection() const;
    sqlite3 *handle() const { return m_handle; } // owned by the Qt connection

    // The catalog statement `key`, prepared once and kept; values bound by name (":reference" → value).
    // The caller reads its rows, then the next call of the same key resets it.
    using Bindings = std::initializer_list<std::pair<const char *, QVariant>>;
    Result<QSqlQuery *> exec(const QString &key, Bindings values = {});
    Result<QSqlQuery *> exec(const QString &key, const QVariantMap &values);
    // A statement of this dialect's own (pragmas, transaction control). Never with values from users.
    Status execDirect(const QString &sql);

    // "ok", or SQLite's first complaint.
    Result<QString> check(bool quick);

    // The built-in migrations from the catalog.
    static QList<Migration> builtInMigrations(const SqlCatalog &sql);

private:
    Database() = default;
    Status checkBeforeWriting(const Options &options, qint64 fileSize);
    Status configureForWriting();
    Status migrate(const QList<Migration> &migrations, const Options &options);
    Status migrateSteps(const QList<Migration> &migrations, const Options &options);

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    bool m_readOnly = false;
    int m_schemaVersion = 0;
    bool m_training = false;
    SqlCatalog m_sql;
    QHash<QString, QSqlQuery> m_prepared;
};

// BEGIN IMMEDIATE … COMMIT, rolled back if not committed. Qt's QSqlDatabase::transaction() sends a plain BEGIN,
// which takes the write lock only at the first write and can then fail with SQLITE_BUSY half-way through.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &database) : m_database(database) {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Status begin();
    Status commit();

private:
    Database &m_database;
    bool m_open = false;
};

// A database error as a value with a message a person can act on (disk full, read-only, busy, damaged).
Error databaseError(const QSqlError &error, const QString &what);

} // namespace FrontDoor
