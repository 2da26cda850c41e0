#pragma once

#include "common/result.h"
#include "store/sealedvfs.h"
#include "store/sqlcatalog.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QTimer>
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

// How to reach a team's PostgreSQL server (issue 19): a libpq connection string or service ("service=frontdoor",
// "host=db1,db2 dbname=frontdoor target_session_attrs=read-write") and the person signing in — their own login
// role and password, authenticated by the server (SCRAM-SHA-256). An empty password lets libpq use its own sources
// (PGPASSWORD, ~/.pgpass, and where an authority sets it up, Kerberos via "gssencmode"/"krbsrvname" in the string).
struct ServerLogin
{
    QString connection;
    QString user;
    QString password;
};

enum class Dialect { SQLite, PostgreSQL };

// One open SQLite file: a named Qt Sql connection (QSQLITE), its pragmas, its schema version, and the statements
// of the SQL catalog. Opening checks before it writes: a file that is not SQLite, is damaged (quick_check,
// foreign_key_check), belongs to another application or was written by a newer Front Door is refused with a
// message naming the file, and its bytes are left exactly as they were.
class Database
{
public:
    static constexpr int latestSchemaVersion = 10;
    static constexpr int compactTrailVersion = 7; // hashes as bytes, the previous hash not stored (issue 21)
    // The SQL functions Front Door's SQLite statements use beyond SQLite's own (unhex, for schema step 7), on a
    // connection; every connection Database opens has them.
    static Status registerFunctions(sqlite3 *handle);
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
        // The key of an encrypted database (issue 20, store/sealedvfs.h): given, the file is opened through the
        // encrypting VFS, and a new one is created encrypted; a plaintext file is refused with it, and an encrypted
        // one without it.
        std::shared_ptr<const SealingKey> sealing;
        // Issue 21: SQLite's automatic checkpoint runs inside the commit that fills the WAL, so that save is the
        // slowest in a hundred. Set for the window's store: the checkpoint runs between saves instead, on the event
        // loop a moment after a commit leaves checkpointPages in the WAL (a passive one: it never waits for a
        // reader). Without an event loop the WAL is still checkpointed inside a commit at ten times that.
        bool checkpointBetweenSaves = false;
    };
    static constexpr int checkpointPages = 1000;
    struct Checkpoints
    {
        int count = 0;
        qint64 longestNsecs = 0;
        qint64 totalNsecs = 0;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }
    // For tests of the migration machinery: the steps to apply instead of the built-in ones (empty: built-in).
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options,
                                                  const QList<Migration> &migrations);
    // Team mode: a connection to the server as `login.user`, with the PostgreSQL dialect's statements. The schema is
    // the server's (frontdoor server init/migrate, core/store/serversetup.h); connecting checks its version only.
    static Result<std::unique_ptr<Database>> connect(const ServerLogin &login);
    // Connected but not checked: for the database administrator who is about to create or upgrade the schema.
    static Result<std::unique_ptr<Database>> connectForSetup(const ServerLogin &login);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The file, or in team mode the server as "user@connection" (for messages; never a password).
    const QString &path() const { return m_path; }
    Dialect dialect() const { return m_dialect; }
    bool isServer() const { return m_dialect == Dialect::PostgreSQL; }
    // A write transaction is open: a WriteTransaction begun now joins it, and its failure undoes the whole of it.
    bool inTransaction() const { return m_inTransaction; }
    const QString &serverUser() const { return m_serverUser; } // team mode: who signed in to the server
    const QString &serverConnection() const { return m_serverConnection; } // team mode: the connection string
    bool isReadOnly() const { return m_readOnly; }
    bool isSealed() const { return m_sealing != nullptr; } // opened through the encrypting VFS (issue 20)
    const std::shared_ptr<const SealingKey> &sealingKey() const { return m_sealingKey; }
    // Issue 20: while the screen is locked an encrypted database's key is wiped, and every statement refused with
    // a message saying so, until the person's password unwraps the same key again. Not inside a transaction.
    Status wipeKey();
    Status restoreKey(const SealingKey &same);
    bool isKeyWiped() const { return m_sealingKey && m_sealingKey->isStowed(); }
    // Issue 21: the integrity check that runs after the window shows has failed. From now on every write is refused
    // with `why` (and SQLite's query_only as the backstop); reading goes on, so what is on screen can be seen.
    void refuseWrites(const QString &why);
    const QString &writeRefusal() const { return m_writeRefusal; }
    // The checkpoints run between saves so far (Options::checkpointBetweenSaves), for bench_store to print.
    const Checkpoints &checkpoints() const { return m_checkpoints; }
    // Invented cases for practice: a different file header, so live and training can never be taken for each other.
    bool isTraining() const { return m_training; }
    int schemaVersion() const { return m_schemaVersion; }
    const SqlCatalog &sql() const { return m_sql; }
    QSqlDatabase connection() const;
    sqlite3 *handle() const { return m_handle; } // owned by the Qt connection; null in team mode

    // Team mode: the notice of the change feed's event `seq` to every listening desk, sent once it has committed —
    // now outside a transaction, after COMMIT inside one, never after ROLLBACK (server step 7: a commit that notifies
    // holds a lock for the whole database until its WAL is on disk, so every desk's save waited for the others'). A
    // notice that cannot be sent is left to the other desks' gap lookup and backstop poll (ChangeFeed).
    void announce(qint64 seq);
    // Who sends the notices instead of this connection: the desk's change feed, on its own connection and thread
    // (ChangeFeed::announcer), so a save does not wait for the notice's fan-out to every listening desk. It answers
    // false once it can take no more (its feed gone): this connection sends them then.
    using Announcer = std::function<bool(const QList<qint64> &seqs)>;
    void setAnnouncer(Announcer announcer) { m_announcer = std::move(announcer); }
    // Sends those notices on this connection, now (what announce does when no announcer takes them).
    Status announceNow(const QList<qint64> &seqs);

    // The catalog statement `key`, prepared once and kept; values bound by name (":reference" → value).
    // The caller reads its rows, then the next call of the same key resets it.
    using Bindings = std::initializer_list<std::pair<const char *, QVariant>>;
    Result<QSqlQuery *> exec(const QString &key, Bindings values = {});
    Result<QSqlQuery *> exec(const QString &key, const QVariantMap &values);
    // The first column of every row `key` answers, as text, in the order it answers them (references, mostly).
    Result<QStringList> column(const QString &key, Bindings values = {});
    // A statement put together from catalog pieces, in order (the queue's select, its filters that are set, its
    // order), prepared once per list of pieces and kept like one statement.
    Result<QSqlQuery *> exec(const QStringList &pieces, const QVariantMap &values);
    // A statement of this dialect's own (pragmas, transaction control). Never with values from users.
    Status execDirect(const QString &sql);

    // "ok", or SQLite's first complaint.
    Result<QString> check(bool quick);

    // Team mode: whether the last statement found the server gone (a cable, a restart, pg_terminate_backend). The
    // next statement outside a transaction connects again first, as the same person; inside one it fails, since
    // what the transaction did is lost with the connection.
    bool connectionLost() const { return m_connectionLost; }

    // The built-in migrations from the catalog.
    static QList<Migration> builtInMigrations(const SqlCatalog &sql);

private:
    Database() = default;
    Status checkBeforeWriting(const Options &options, qint64 fileSize);
    Status configureForWriting();
    Status migrate(const QList<Migration> &migrations, const Options &options);
    Status migrateSteps(const QList<Migration> &migrations, const Options &options);
    static Result<std::unique_ptr<Database>> openServerConnection(const ServerLogin &login);
    Error errorOf(const QSqlError &error, const QString &what) const;
    Status startServerSession();
    Status reconnectIfLost();
    Status execServerScript(const QString &sql);
    Status refuseWhileKeyWiped() const;
    Result<QSqlQuery *> execPrepared(const QString &key, const QStringList &pieces, const QVariantMap &values);
    void checkpointBetweenSaves();
    void checkpointNow();
    static int walCommitted(void *self, sqlite3 *handle, const char *name, int frames);
    friend class WriteTransaction;

    QString m_path;
    Dialect m_dialect = Dialect::SQLite;
    QString m_serverUser;
    QString m_serverConnection;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    bool m_readOnly = false;
    std::unique_ptr<SealedVfs::Attachment> m_sealing; // outlives the connection (members go after ~Database's body)
    std::shared_ptr<const SealingKey> m_sealingKey;
    int m_schemaVersion = 0;
    bool m_training = false;
    SqlCatalog m_sql;
    QHash<QString, QSqlQuery> m_prepared;
    mutable bool m_connectionLost = false;
    bool m_inTransaction = false;
    QString m_writeRefusal;
    std::unique_ptr<QTimer> m_checkpointTimer;
    Checkpoints m_checkpoints;
    bool m_joinedFailed = false; // a transaction joined to the open one failed: the open one must not commit
    QList<qint64> m_unannounced; // events written in the open transaction (announce)
    Announcer m_announcer;
    void sendAnnouncements();
};

// BEGIN IMMEDIATE … COMMIT, rolled back if not committed. Qt's QSqlDatabase::transaction() sends a plain BEGIN,
// which takes the write lock only at the first write and can then fail with SQLITE_BUSY half-way through.
// Begun while another is open on the same connection, it joins that one: its commit leaves the commit to the outer
// transaction, and a failure inside rolls the whole outer transaction back (all or nothing, as an import of a whole
// database needs).
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
    bool m_joined = false;
};

// A database error as a value with a message a person can act on (disk full, read-only, busy, damaged).
Error databaseError(const QSqlError &error, const QString &what);
// The same for the server (SQLSTATE): unreachable, refused sign-in, not allowed, conflict
// (core/store/serverdatabase.cpp).
Error serverError(const QSqlError &error, const QString &what);

} // namespace FrontDoor
