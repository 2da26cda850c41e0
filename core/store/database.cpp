#include "store/database.h"

#include "store/backupfiles.h"
#include "store/databaselocation.h"
#include "store/schemaguards.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace FrontDoor {

namespace {

QAtomicInt connectionCounter;

// The primary SQLite result code behind a Qt Sql error ("13" → SQLITE_FULL).
int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

Error errorFromCode(int code, const QString &what, const QString &detail)
{
    switch (code) {
    case SQLITE_FULL:
        return makeError(ErrorCode::IoError,
                         QStringLiteral("%1: the disk is full, so nothing was written. Free some space and try "
                                        "again.").arg(what));
    case SQLITE_READONLY:
        return makeError(ErrorCode::IoError,
                         QStringLiteral("%1: the database cannot be written (read-only file or folder).").arg(what));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the disk reported an error (%2).").arg(what, detail));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::DatabaseBusy,
                         QStringLiteral("%1: another Front Door is writing to the database; try again.").arg(what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("%1: the database is damaged (%2).").arg(what, detail));
    case SQLITE_CONSTRAINT:
        return makeError(ErrorCode::Conflict, QStringLiteral("%1: %2").arg(what, detail));
    default:
        return makeError(ErrorCode::DatabaseError, QStringLiteral("%1: %2").arg(what, detail));
    }
}

Status fromSqlite(sqlite3 *handle, int rc, const QString &what)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    return errorFromCode(rc & 0xff, what, QString::fromUtf8(sqlite3_errmsg(handle)));
}

} // namespace

Error databaseError(const QSqlError &error, const QString &what)
{
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.driverText();
    return errorFromCode(primaryCode(error), what, detail);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    return open(path, options, {}); // no explicit steps: the catalog's own
}

QList<Migration> Database::builtInMigrations(const SqlCatalog &sql)
{
    QList<Migration> migrations;
    for (int version = 1; version <= latestSchemaVersion; ++version)
        migrations.append(Migration{version, sql.statement(QStringLiteral("migrate.%1").arg(version))});
    return migrations;
}

Result<std::unique_ptr<Database>> Database::open(const QString &requestedPath, const Options &options,
                                                 const QList<Migration> &migrations)
{
    QString path = requestedPath;
    // Only a path with nothing at it makes a new database: an empty file that was already there is damage (a
    // truncation, a copy gone wrong), and initialising it would let its backups push the good ones out (issue 17).
    const bool existedBefore = QFileInfo::exists(path);
    if (options.readOnly) {
        if (!QFileInfo::exists(path))
            return makeError(ErrorCode::NotFound, QStringLiteral("%1: there is no database here.").arg(path));
    } else {
        Result<QString> prepared = DatabaseLocation::prepare(path);
        if (!prepared)
            return prepared.error();
        path = *prepared;
    }

    // Look at the first bytes ourselves before SQLite touches the file: a non-SQLite file is never opened.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    const qint64 size = file.size();
    const QByteArray header = file.read(100);
    file.close();
    if (size > 0 && (size < 512 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))))
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is not a Front Door database: it is not an SQLite file, or its first page "
                                        "is damaged. Nothing was written to it.").arg(path));
    const bool sealedFile = SealedVfs::headerSaysSealed(header);
    if (sealedFile && !options.sealing)
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("%1 is encrypted: it opens only with its key, unwrapped by a person's password "
                                        "or the recovery key. Nothing was read from it.")
                             .arg(path));
    if (size > 0 && !sealedFile && options.sealing)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("%1 is not encrypted; frontdoor encrypt converts it. Nothing was written to it.").arg(path));
    if (size == 0 && !options.backupFolder.isEmpty() && !BackupFiles::list(options.backupFolder, path).isEmpty())
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is empty, but backups of it exist in %2. It may have been truncated: "
                                        "restore the latest backup rather than starting afresh.")
                             .arg(path, options.backupFolder));
    if (size == 0 && existedBefore)
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is an empty file, not a Front Door database: it may have been truncated. "
                                        "Nothing was written to it. Restore a backup, or move the file away to start "
                                        "a new database.")
                             .arg(path));

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_readOnly = options.readOnly;
    db->m_connectionName = QStringLiteral("frontdoor-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        if (!connection.isValid())
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("Qt's SQLite driver is missing (Debian package libqt6sql6-sqlite)."));
        QString connectOptions = options.readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (options.sealing) {
            if (Status s = SealedVfs::ensureRegistered(); !s)
                return s.error();
            db->m_sealing = std::make_unique<SealedVfs::Attachment>(options.sealing);
            db->m_sealingKey = options.sealing;
            connection.setDatabaseName(SealedVfs::uri(path, db->m_sealing->token()));
            connectOptions += QStringLiteral(";QSQLITE_OPEN_URI");
        } else {
            connection.setDatabaseName(path);
        }
        connection.setConnectOptions(connectOptions);
        if (!connection.open())
            return databaseError(connection.lastError(), path);
        const QVariant handle = connection.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return makeError(ErrorCode::Unsupported, QStringLiteral("%1: the SQLite driver gave no handle.").arg(path));
        db->m_handle = *static_cast<sqlite3 *const *>(handle.constData());
        if (Status s = registerFunctions(db->m_handle); !s)
            return s.error();
    }
    Result<SqlCatalog> sql = SqlCatalog::load(QStringLiteral("sqlite"));
    if (!sql)
        return sql.error();
    db->m_sql = std::move(*sql);

    if (options.sealing && size == 0 && !options.readOnly) {
        // Room for each page's seal before the first page exists, temporary data in memory, and WAL switched on
        // through an in-memory journal: the encrypting VFS opens no rollback journal or temporary file.
        int reserve = SealedVfs::reservedBytes;
        if (const int rc = sqlite3_file_control(db->m_handle, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
            rc != SQLITE_OK)
            return fromSqlite(db->m_handle, rc, path).error();
    }
    // (Only a file not yet in WAL — a new one, a converted copy, a restored backup — goes through an in-memory
    // journal: asked of a file already in WAL, the change would try to leave WAL, and fail while another program has
    // the file open. Header byte 18 is 2 in WAL.)
    const bool inWal = header.size() > 18 && header.at(18) == 2;
    if (options.sealing)
        for (const char *pragma : {"PRAGMA temp_store = MEMORY", "PRAGMA journal_mode = MEMORY"}) {
            if (inWal && qstrcmp(pragma, "PRAGMA journal_mode = MEMORY") == 0)
                continue;
            if (Status s = db->execDirect(QString::fromLatin1(pragma)); !s)
                return s.error();
        }
    if (Status checked = db->checkBeforeWriting(options, size); !checked)
        return checked.error();
    if (options.readOnly)
        return db; // verify-audit reads a file whatever was done to it, and says what
    if (migrations.isEmpty() && db->m_schemaVersion > 0) {
        Result<QStringList> guards = SchemaGuards::problems(*db);
        if (!guards)
            return guards.error();
        if (!guards->isEmpty())
            return makeError(ErrorCode::DatabaseCorrupt,
                             QStringLiteral("%1 was changed outside Front Door: %2. Nothing was written to it; "
                                            "frontdoor verify-audit says what else was changed.")
                                 .arg(path, guards->join(QStringLiteral("; "))));
    }
    if (Status configured = db->configureForWriting(); !configured)
        return configured.error();
    if (options.checkpointBetweenSaves)
        db->checkpointBetweenSaves();
    if (Status migrated = db->migrate(migrations.isEmpty() ? builtInMigrations(db->m_sql) : migrations, options);
        !migrated)
        return migrated.error();
    return db;
}

Database::~Database()
{
    if (m_handle && m_checkpointTimer)
        sqlite3_wal_hook(m_handle, nullptr, nullptr); // the timer goes with this object
    m_prepared.clear(); // every QSqlQuery must be gone before the connection is removed
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
            connection.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Status Database::checkBeforeWriting(const Options &options, qint64 fileSize)
{
    // Until the checks pass, this connection writes nothing: not even the checkpoint SQLite runs on close.
    sqlite3_db_config(m_handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    if (Status s = execDirect(QStringLiteral("PRAGMA query_only = ON")); !s)
        return s;

    const auto damaged = [this](const QString &what) {
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is damaged: %2. Nothing was written to it.").arg(m_path, what));
    };
    QSqlQuery pragma(connection());
    if (!pragma.exec(QStringLiteral("PRAGMA application_id")) || !pragma.next())
        return damaged(pragma.lastError().text());
    const int appId = pragma.value(0).toInt();
    if (!pragma.exec(QStringLiteral("PRAGMA user_version")) || !pragma.next())
        return damaged(pragma.lastError().text());
    m_schemaVersion = pragma.value(0).toInt();
    if (!pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !pragma.next())
        return damaged(pragma.lastError().text());
    const int objects = pragma.value(0).toInt();
    pragma.finish();

    m_training = appId == trainingApplicationId || (appId == 0 && options.training);
    if ((appId != 0 && appId != applicationId && appId != trainingApplicationId) || (appId == 0 && objects > 0))
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is an SQLite database, but not Front Door's. Nothing was written to it.").arg(m_path));
    if (m_schemaVersion > latestSchemaVersion)
        return makeError(ErrorCode::DatabaseTooNew,
                         QStringLiteral("%1 was written by a newer Front Door (database version %2; this version "
                                        "understands up to %3). Use the newer Front Door; nothing was changed.")
                             .arg(m_path).arg(m_schemaVersion).arg(latestSchemaVersion));
    if (m_readOnly && m_schemaVersion < latestSchemaVersion)
        return makeError(ErrorCode::DatabaseError,
                         QStringLiteral("%1 needs updating to this version of Front Door, which a read-only opening "
                                        "cannot do.").arg(m_path));
    // Checked here unless the caller runs the check after the window shows (issue 21, store/backgroundcheck.h) —
    // and always before an upgrade writes to the file.
    if (fileSize > 0 && (options.quickCheck || m_schemaVersion < latestSchemaVersion)) {
        Result<QString> verdict = check(true);
        if (!verdict)
            return damaged(verdict.errorMessage());
        if (*verdict != QLatin1String("ok"))
            return damaged(QStringLiteral("SQLite's check says \"%1\"").arg(*verdict));
        QSqlQuery foreignKeys(connection());
        if (!foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return damaged(foreignKeys.lastError().text());
        if (foreignKeys.next())
            return damaged(QStringLiteral("rows of \"%1\" refer to rows that do not exist").arg(foreignKeys.value(0).toString()));
    }
    return {};
}

Status Database::configureForWriting()
{
    if (Status s = execDirect(QStringLiteral("PRAGMA query_only = OFF")); !s)
        return s;
    sqlite3_db_config(m_handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);

    QSqlQuery journal(connection());
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next())
        return databaseError(journal.lastError(), m_path);
    if (journal.value(0).toString() != QLatin1String("wal"))
        return makeError(ErrorCode::DatabaseError,
                         QStringLiteral("%1: SQLite would not use its write-ahead log here (the folder may be on a "
                                        "network drive).").arg(m_path));
    journal.finish();
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON",
                               "PRAGMA busy_timeout = 5000", "PRAGMA trusted_schema = OFF"}) {
        if (Status s = execDirect(QString::fromLatin1(pragma)); !s)
            return s;
    }
    // SQLite gives -wal and -shm the database file's permissions; make sure of it.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFile::exists(m_path + suffix))
            QFile::setPermissions(m_path + suffix, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Status Database::migrate(const QList<Migration> &migrations, const Options &options)
{
    // A step may rebuild a table others refer to (SQLite's own procedure for a schema change): foreign keys are off
    // while it runs, and checked whole before it commits.
    if (Status s = execDirect(QStringLiteral("PRAGMA foreign_keys = OFF")); !s)
        return s;
    Status migrated = migrateSteps(migrations, options);
    if (Status s = execDirect(QStringLiteral("PRAGMA foreign_keys = ON")); !s && migrated)
        return s;
    return migrated;
}

Status Database::migrateSteps(const QList<Migration> &migrations, const Options &options)
{
    for (const Migration &migration : migrations) {
        if (migration.version <= m_schemaVersion)
            continue;
        if (migration.version != m_schemaVersion + 1 || migration.script.isEmpty())
            return makeError(ErrorCode::DatabaseError,
                             QStringLiteral("Database step %1 is missing from this build.").arg(m_schemaVersion + 1));
        const QString what = QStringLiteral("%1: updating the database to version %2").arg(m_path).arg(migration.version);
        WriteTransaction transaction(*this);
        if (Status s = transaction.begin(); !s)
            return s;
        char *message = nullptr;
        const int rc = sqlite3_exec(m_handle, migration.script.toUtf8().constData(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            const QString detail = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
            sqlite3_free(message);
            return errorFromCode(rc & 0xff, what, detail + QStringLiteral(" — nothing was changed"));
        }
        if (options.duringStep)
            if (Status s = options.duringStep(*this, migration.version); !s)
                return s;
        if (QSqlQuery broken(connection()); !broken.exec(QStringLiteral("PRAGMA foreign_key_check")) || broken.next())
            return makeError(ErrorCode::DatabaseError,
                             QStringLiteral("%1: rows would refer to rows that do not exist — nothing was changed").arg(what));
        if (Status s = execDirect(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)); !s)
            return s;
        if (Status s = execDirect(QStringLiteral("PRAGMA application_id = %1")
                                      .arg(m_training ? trainingApplicationId : applicationId));
            !s)
            return s;
        if (Status s = transaction.commit(); !s)
            return s;
        m_schemaVersion = migration.version;
    }
    return {};
}

Status Database::execDirect(const QString &sql)
{
    if (Status s = refuseWhileKeyWiped(); !s)
        return s;
    if (isServer()) {
        if (Status s = reconnectIfLost(); !s)
            return s;
        return execServerScript(sql);
    }
    return fromSqlite(m_handle, sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, nullptr), m_path);
}

Result<QString> Database::check(bool quick)
{
    QSqlQuery query(connection());
    if (!query.exec(quick ? QStringLiteral("PRAGMA quick_check") : QStringLiteral("PRAGMA integrity_check")))
        return databaseError(query.lastError(), m_path);
    if (!query.next())
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("%1: the check gave no answer").arg(m_path));
    return query.value(0).toString();
}

WriteTransaction::~WriteTransaction()
{
    if (m_joined) {
        if (m_open) // failed inside: the outer transaction may not commit half of it
            m_database.m_joinedFailed = true;
        return;
    }
    if (!m_open)
        return;
    // A lost connection took its transaction with it: there is nothing to roll back, and the next one reconnects.
    if (!m_database.m_connectionLost)
        static_cast<void>(m_database.execDirect(QStringLiteral("ROLLBACK")));
    m_database.m_inTransaction = false;
    m_database.m_unannounced.clear(); // undone: nothing to announce
}

Status WriteTransaction::begin()
{
    if (m_database.m_inTransaction) {
        m_joined = true;
        m_open = true;
        return {};
    }
    m_database.m_joinedFailed = false;
    m_database.m_unannounced.clear();
    if (!m_database.m_writeRefusal.isEmpty())
        return makeError(ErrorCode::DatabaseCorrupt, m_database.m_writeRefusal);
    // On the server, rows are locked as they are written and the chain head by audit_append (SELECT … FOR UPDATE).
    Status begun
        = m_database.execDirect(m_database.isServer() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    m_open = begun.ok();
    m_database.m_inTransaction = m_open;
    return begun;
}

Status WriteTransaction::commit()
{
    if (m_joined) {
        m_open = false; // the outer transaction commits
        return {};
    }
    if (m_database.m_joinedFailed)
        return makeError(
            ErrorCode::DatabaseError,
            QStringLiteral("%1: a step inside this change failed; nothing of it was kept.").arg(m_database.path()));
    Status committed = m_database.execDirect(QStringLiteral("COMMIT"));
    if (committed) {
        m_open = false; // on failure the destructor rolls back
        m_database.m_inTransaction = false;
        m_database.sendAnnouncements();
    }
    return committed;
}

} // namespace FrontDoor
