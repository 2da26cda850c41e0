#pragma once

#include "store/database.h"
#include "store/store.h"
#include "store/teamsignin.h"

#include <QString>
#include <QStringList>

namespace FrontDoorTest {

// The real PostgreSQL 15 cluster CTest starts for the tests labelled "pg" (support/pgcluster.sh, fixture
// "pg-cluster"). Each test takes a database of its own, so tests run in parallel against one cluster; roles are
// cluster-wide, so every test names its people with a suffix of its own (`person("carl")`).
class PgServer
{
public:
    // A fresh, empty database named after the test; fails the test when there is no cluster. `clusterDir`: the
    // folder of a cluster other than CTest's (OwnCluster).
    explicit PgServer(const QString &testName, const QString &clusterDir = {});

    QString connection() const;    // "host=… port=… dbname=…": what IT would deploy
    QString tcpConnection() const; // the same over 127.0.0.1 (for multi-host strings)
    QString superuser() const { return m_superuser; }
    QString superuserPassword() const { return m_password; }
    QString port() const { return m_port; }
    QString database() const { return m_database; }
    QString person(const QString &name) const { return name + QLatin1Char('.') + m_suffix; }

    // `frontdoor server init` as the database administrator, then the first administrator "ada" (password
    // `adaPassword`), a supervisor "sam" and call-handlers "carl" and "cara", each created with `frontdoor user add`.
    void initialiseWithPeople();
    static constexpr const char *password = "a long enough password 1";

    // The person's connection through Front Door (Database::connect).
    FrontDoor::Result<std::unique_ptr<FrontDoor::Database>>
    signIn(const QString &who, const QString &withPassword = QString::fromLatin1(password)) const;

    // A desk of the person's: the store connected as they would sign in (Store::connect), or the test fails.
    std::unique_ptr<FrontDoor::Store>
    desk(const QString &who, const FrontDoor::Clock &clock, const FrontDoor::Store::Options &options = {}) const;

    // The person signed in as the window signs them in (signInToTeam): their store, account and what their offline
    // spool, kept in `spoolFolder`, delivered.
    FrontDoor::Result<FrontDoor::TeamSession> teamSession(const QString &who, const QString &spoolFolder) const;

    struct Psql
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // One statement through psql as `role` (superuser when empty) — Front Door's back, as anyone with the client
    // and their own password could. Tuples only, unaligned.
    Psql psql(const QString &sql,
              const QString &role = {},
              const QString &rolePassword = QString::fromLatin1(password)) const;

    // The server's own walk of its chain (first_broken_link), then Front Door's verifier reading through `reader`
    // (one who reads the whole trail: a supervisor's desk) — both find it intact, or the test fails saying where.
    void checkTrailIntact(FrontDoor::Database &reader) const;

    // What psql answers, trimmed, or its error when it failed: the text a CHECK compares.
    QString answer(const QString &sql, const QString &role = {}) const;
    // A statement that must succeed (a grant taken back, a function changed behind Front Door's back); false, with
    // psql's error given to the test, when it did not.
    bool run(const QString &sql) const;

private:
    QString m_dir, m_host, m_port, m_superuser, m_password, m_database, m_suffix;
};

// A cluster of one test's own, for what would disturb the others: stopping the server mid-call. Started on
// construction (support/pgcluster.sh, a few seconds), removed on destruction.
class OwnCluster
{
public:
    OwnCluster();
    ~OwnCluster();
    OwnCluster(const OwnCluster &) = delete;
    OwnCluster &operator=(const OwnCluster &) = delete;

    const QString &dir() const { return m_dir; }
    void pause();  // the server stops (immediate: its connections are cut, as by a crash or a pulled plug)
    void resume(); // and starts again on the same port

private:
    void run(const QString &command);
    QString m_dir;
};

} // namespace FrontDoorTest
