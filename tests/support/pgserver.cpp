#include "pgserver.h"

#include "testsupport.h"

#include "store/auditverifier.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTextStream>

#include <catch2/catch.hpp>

namespace FrontDoorTest {

PgServer::PgServer(const QString &testName, const QString &clusterDir)
{
    m_dir = clusterDir.isEmpty() ? qEnvironmentVariable("FRONTDOOR_TEST_PG_DIR") : clusterDir;
    INFO("FRONTDOOR_TEST_PG_DIR names the test cluster; run the pg tests through ctest (fixture pg-cluster)");
    REQUIRE(!m_dir.isEmpty());
    QFile file(m_dir + QStringLiteral("/connection"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString key = line.section(QLatin1Char('='), 0, 0);
        const QString value = line.section(QLatin1Char('='), 1);
        if (key == QLatin1String("host"))
            m_host = value;
        else if (key == QLatin1String("port"))
            m_port = value;
        else if (key == QLatin1String("superuser"))
            m_superuser = value;
        else if (key == QLatin1String("password"))
            m_password = value;
    }
    REQUIRE(!m_port.isEmpty());
    m_suffix
        = QString::fromLatin1(QCryptographicHash::hash(testName.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    const QString name = QStringLiteral("t_") + m_suffix; // psql reaches "postgres" until the database is made
    const Psql dropped = psql(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    INFO(dropped.err.toStdString());
    REQUIRE(dropped.exitCode == 0);
    const Psql created = psql(QStringLiteral("CREATE DATABASE %1").arg(name));
    INFO(created.err.toStdString());
    REQUIRE(created.exitCode == 0);
    m_database = name;
}

QString PgServer::connection() const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3").arg(m_host, m_port, m_database);
}

QString PgServer::tcpConnection() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(m_port, m_database);
}

std::unique_ptr<FrontDoor::Store>
PgServer::desk(const QString &who, const FrontDoor::Clock &clock, const FrontDoor::Store::Options &options) const
{
    FrontDoor::Result<std::unique_ptr<FrontDoor::Store>> store = FrontDoor::Store::connect(
        FrontDoor::ServerLogin{connection(), person(who), QString::fromLatin1(password)}, clock, options);
    INFO(store.errorMessage().toStdString());
    REQUIRE(store);
    return std::move(*store);
}

FrontDoor::Result<FrontDoor::TeamSession> PgServer::teamSession(const QString &who, const QString &spoolFolder) const
{
    FrontDoor::Store::Options options;
    options.spoolFolder = spoolFolder;
    return FrontDoor::signInToTeam(
        connection(), person(who), QString::fromLatin1(password), FrontDoor::Clock::system(), options);
}

QString PgServer::answer(const QString &sql, const QString &role) const
{
    const Psql done = psql(sql, role);
    return done.exitCode == 0 ? done.out.trimmed() : done.err;
}

void PgServer::checkTrailIntact(FrontDoor::Database &reader) const
{
    CHECK(answer(QStringLiteral("SELECT frontdoor.first_broken_link() IS NULL")) == u"t");
    FrontDoor::Result<FrontDoor::AuditVerifier::Report> verified = FrontDoor::AuditVerifier::verify(reader);
    INFO(verified.errorMessage().toStdString());
    REQUIRE(verified);
    INFO(verified->summary().toStdString());
    CHECK(verified->intact());
}

bool PgServer::run(const QString &sql) const
{
    const Psql done = psql(sql);
    INFO(done.err.toStdString());
    return done.exitCode == 0;
}

PgServer::Psql PgServer::psql(const QString &sql, const QString &role, const QString &rolePassword) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), role.isEmpty() ? m_password : rolePassword);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("psql"),
                  {QStringLiteral("-X"),
                   QStringLiteral("-q"),
                   QStringLiteral("-t"),
                   QStringLiteral("-A"),
                   QStringLiteral("-v"),
                   QStringLiteral("ON_ERROR_STOP=1"),
                   QStringLiteral("-h"),
                   m_host,
                   QStringLiteral("-p"),
                   m_port,
                   QStringLiteral("-U"),
                   role.isEmpty() ? m_superuser : role,
                   QStringLiteral("-d"),
                   m_database.isEmpty() ? QStringLiteral("postgres") : m_database,
                   QStringLiteral("-c"),
                   sql});
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    return Psql{process.exitCode(),
                QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
                QString::fromUtf8(process.readAllStandardError()).trimmed()};
}

void PgServer::initialiseWithPeople()
{
    const QByteArray dbaPassword = m_password.toUtf8() + '\n';
    Run init = runFrontDoor({QStringLiteral("server"),
                             QStringLiteral("init"),
                             QStringLiteral("--server"),
                             connection(),
                             QStringLiteral("--as"),
                             m_superuser},
                            dbaPassword);
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    const QByteArray twice = QByteArray(password) + '\n' + QByteArray(password) + '\n';
    const auto add
        = [&](const QString &who, const char *role, const QString &actingAs, const QByteArray &actingPassword) {
              Run added = runFrontDoor({QStringLiteral("user"),
                                        QStringLiteral("add"),
                                        person(who),
                                        QStringLiteral("--role"),
                                        QString::fromLatin1(role),
                                        QStringLiteral("--name"),
                                        who.toUpper(),
                                        QStringLiteral("--server"),
                                        connection(),
                                        QStringLiteral("--as"),
                                        actingAs},
                                       actingPassword + twice);
              INFO(added.err.toStdString());
              REQUIRE(added.exitCode == 0);
          };
    add(QStringLiteral("ada"), "administrator", m_superuser, dbaPassword);
    const QByteArray adaPassword = QByteArray(password) + '\n';
    add(QStringLiteral("sam"), "supervisor", person(QStringLiteral("ada")), adaPassword);
    add(QStringLiteral("carl"), "callHandler", person(QStringLiteral("ada")), adaPassword);
    add(QStringLiteral("cara"), "callHandler", person(QStringLiteral("ada")), adaPassword);
}

FrontDoor::Result<std::unique_ptr<FrontDoor::Database>> PgServer::signIn(const QString &who,
                                                                         const QString &withPassword) const
{
    return FrontDoor::Database::connect(FrontDoor::ServerLogin{connection(), person(who), withPassword});
}

OwnCluster::OwnCluster()
{
    const QString base = qEnvironmentVariable("FRONTDOOR_TEST_PG_DIR");
    REQUIRE(!base.isEmpty());
    m_dir = base + QStringLiteral("-own-%1").arg(QCoreApplication::applicationPid());
    run(QStringLiteral("start"));
}

OwnCluster::~OwnCluster()
{
    QProcess::execute(QStringLiteral(FRONTDOOR_PGCLUSTER), {QStringLiteral("stop"), m_dir});
}

void OwnCluster::pause()
{
    run(QStringLiteral("pause"));
}

void OwnCluster::resume()
{
    run(QStringLiteral("resume"));
}

void OwnCluster::run(const QString &command)
{
    QProcess process;
    process.start(QStringLiteral(FRONTDOOR_PGCLUSTER), {command, m_dir});
    REQUIRE(process.waitForFinished(120000));
    INFO(QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
}

} // namespace FrontDoorTest
