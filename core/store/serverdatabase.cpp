// Team mode's connection (issue 19): the Database of core/store/database.h on PostgreSQL through Qt's QPSQL driver.
#include "store/database.h"

#include "store/serversetup.h"

#include <QAtomicInt>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

namespace FrontDoor {

namespace {

QAtomicInt serverConnectionCounter;

// Keys a deployed connection string may not hold: the person is the one signing in, and a password never lives in
// a settings file a colleague could copy.
const QRegularExpression &forbiddenKeys()
{
    static const QRegularExpression keys(QStringLiteral("(^|\\s)(user|password|passfile)\\s*="),
                                         QRegularExpression::CaseInsensitiveOption);
    return keys;
}

} // namespace

Error serverError(const QSqlError &error, const QString &what)
{
    const QString state = error.nativeErrorCode();
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    if (state.startsWith(QLatin1String("08")) || detail.contains(QLatin1String("could not connect"))
        || detail.contains(QLatin1String("Connection refused")) || detail.contains(QLatin1String("timeout expired"))
        || detail.contains(QLatin1String("server closed the connection"))
        || detail.contains(QLatin1String("no connection")) || detail.contains(QLatin1String("terminating connection"))
        || detail.contains(QLatin1String("Is the server running")) || state == QLatin1String("57P01"))
        return makeError(ErrorCode::Unreachable,
                         QStringLiteral("%1: the server cannot be reached (%2).").arg(what, detail));
    if (state == QLatin1String("28P01") || detail.contains(QLatin1String("password authentication failed")))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("%1: the server did not accept this name and password.").arg(what));
    if (detail.contains(QLatin1String("is not permitted to log in")))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("%1: this account is disabled on the server.").arg(what));
    if (state == QLatin1String("42501"))
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("%1: the server refused: %2").arg(what, detail));
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state.startsWith(QLatin1String("23")))
        return makeError(ErrorCode::Conflict, QStringLiteral("%1: %2").arg(what, detail));
    if (state == QLatin1String("XX001")) // data_corrupted: the server computed a link otherwise than the desk
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("%1: %2").arg(what, detail));
    if (state == QLatin1String("53100"))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the server's disk is full (%2).").arg(what, detail));
    if (state == QLatin1String("55P03"))
        return makeError(ErrorCode::DatabaseBusy, QStringLiteral("%1: %2").arg(what, detail));
    return makeError(ErrorCode::DatabaseError, QStringLiteral("%1: %2").arg(what, detail));
}

Result<std::unique_ptr<Database>> Database::openServerConnection(const ServerLogin &login)
{
    if (login.connection.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("No server is set ([storage] server or --server)."));
    if (forbiddenKeys().match(login.connection).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The server's connection string names a user or a password; each person signs "
                                        "in as themselves, so take them out of it."));
    if (login.user.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Sign in with your name to reach the server."));

    std::unique_ptr<Database> db(new Database);
    db->m_dialect = Dialect::PostgreSQL;
    db->m_serverUser = login.user;
    db->m_serverConnection = login.connection;
    db->m_path = QStringLiteral("%1@server (%2)").arg(login.user, login.connection.simplified());
    db->m_connectionName = QStringLiteral("frontdoor-server-%1").arg(serverConnectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
        if (!connection.isValid())
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("Qt's PostgreSQL driver is missing (Debian package libqt6sql6-psql)."));
        connection.setUserName(login.user);
        connection.setPassword(login.password);
        // Our defaults first, so a deployed string can override them: fail fast when the server is away, and name
        // the program to the server's administrators (pg_stat_activity).
        // Over TCP, a pulled cable is noticed in seconds, not when the kernel gives up (tcp_user_timeout, keepalives).
        connection.setConnectOptions(
            QStringLiteral("connect_timeout=5 application_name=frontdoor tcp_user_timeout=10000 "
                           "keepalives=1 keepalives_idle=5 keepalives_interval=2 "
                           "keepalives_count=3 %1")
                .arg(login.connection.simplified()));
        if (!connection.open())
            return serverError(connection.lastError(),
                               QStringLiteral("Signing in to the server as %1").arg(login.user));
    }
    Result<SqlCatalog> sql = SqlCatalog::load(QStringLiteral("postgresql"));
    if (!sql)
        return sql.error();
    db->m_sql = std::move(*sql);
    if (Status s = db->startServerSession(); !s)
        return s.error();
    return db;
}

Status Database::startServerSession()
{
    // The server's notices ("role … is already a member …") are for its log, not a call-handler's terminal. A desk
    // that vanished mid-transaction must not hold the chain's head from everyone else: the server ends such a
    // session after a minute, and a desk waits at most ten seconds for a lock before saying so.
    return execDirect(QStringLiteral("SET search_path = frontdoor, pg_temp; SET client_min_messages = warning; "
                                     "SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s'"));
}

// Statements of Front Door's own (a schema step, the session's settings, BEGIN and COMMIT) through libpq itself: for a
// script of many, Qt's driver reports the first statement's result only, so a later one's failure surfaced at the
// next statement as "current transaction is aborted", its cause lost. PQexec stops at the first failure and says it.
Status Database::execServerScript(const QString &sql)
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0) // PGconn, as Qt's driver registers it
        return makeError(ErrorCode::DatabaseError, QStringLiteral("%1: not a PostgreSQL connection.").arg(m_path));
    PGconn *server = *static_cast<PGconn *const *>(handle.constData());
    PGresult *result = PQexec(server, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        PQclear(result);
        return {};
    }
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QSqlError error(QString(),
                          QString::fromUtf8(primary ? primary : PQerrorMessage(server)),
                          QSqlError::StatementError,
                          QString::fromLatin1(state ? state : ""));
    PQclear(result);
    return errorOf(error, m_path);
}

Status Database::reconnectIfLost()
{
    if (!m_connectionLost)
        return {};
    if (m_inTransaction)
        return makeError(ErrorCode::Unreachable,
                         QStringLiteral("%1: the connection to the server was lost during this change, which the "
                                        "server did not keep.")
                             .arg(m_path));
    m_prepared.clear(); // prepared on the connection that is gone
    QSqlDatabase connection = this->connection();
    connection.close();
    // The same person with the same password (kept by Qt's connection, never on disk).
    if (!connection.open()) {
        // Anything but a refused password (changed, or the account disabled meanwhile) is the server still away.
        Error error
            = serverError(connection.lastError(), QStringLiteral("Reconnecting to the server as %1").arg(m_serverUser));
        if (error.code != ErrorCode::PermissionDenied)
            error.code = ErrorCode::Unreachable;
        return error;
    }
    m_connectionLost = false;
    if (Status s = startServerSession(); !s)
        return s;
    return {};
}

void Database::announce(qint64 seq)
{
    if (!isServer())
        return; // a standalone file's feed reads the events at its poll
    m_unannounced.append(seq);
    if (!m_inTransaction)
        sendAnnouncements();
}

void Database::sendAnnouncements()
{
    if (m_unannounced.isEmpty() || !isServer())
        return;
    const QList<qint64> seqs = std::exchange(m_unannounced, {});
    if (m_announcer && m_announcer(seqs))
        return;
    // What was announced is already kept: a failure here (the connection gone this instant) is no failed save.
    static_cast<void>(announceNow(seqs));
}

Status Database::announceNow(const QList<qint64> &seqs)
{
    QStringList numbers;
    for (qint64 seq : seqs)
        numbers.append(QString::number(seq));
    Result<QSqlQuery *> sent
        = exec(QStringLiteral("events.announce"), {{"seqs", QString(u'{' + numbers.join(u',') + u'}')}});
    if (!sent)
        return sent.error();
    (*sent)->finish();
    return {};
}

Result<std::unique_ptr<Database>> Database::connectForSetup(const ServerLogin &login)
{
    return openServerConnection(login);
}

Result<std::unique_ptr<Database>> Database::connect(const ServerLogin &login)
{
    Result<std::unique_ptr<Database>> db = openServerConnection(login);
    if (!db)
        return db;
    Result<int> version = ServerSetup::schemaVersion(**db);
    if (!version)
        return version.error();
    if (*version == 0)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The server has no Front Door schema yet: a database administrator runs "
                                        "\"frontdoor server init\" once."));
    if (*version > ServerSetup::latestVersion)
        return makeError(ErrorCode::DatabaseTooNew,
                         QStringLiteral("The server's schema (version %1) is newer than this Front Door (version %2): "
                                        "install the newer release on this workstation.")
                             .arg(*version)
                             .arg(ServerSetup::latestVersion));
    if (*version < ServerSetup::latestVersion)
        return makeError(
            ErrorCode::DatabaseError,
            QStringLiteral("The server's schema (version %1) is older than this Front Door (version %2): a "
                           "database administrator runs \"frontdoor server migrate\".")
                .arg(*version)
                .arg(ServerSetup::latestVersion));
    (*db)->m_schemaVersion = *version;
    return db;
}

} // namespace FrontDoor
