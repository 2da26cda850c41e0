#include "store/serversetup.h"

#include "store/database.h"

#include <QSqlQuery>

namespace FrontDoor {

namespace {

Status runStep(Database &server, const QString &key, int version)
{
    const QString script = server.sql().statement(key);
    if (script.isEmpty())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("No SQL statement \"%1\" in this build.").arg(key));
    WriteTransaction transaction(server);
    if (Status s = transaction.begin(); !s)
        return s;
    if (Status s = server.execDirect(script); !s)
        return makeError(
            s.error().code,
            QStringLiteral("Step %1 of the server's schema failed, and was undone: %2").arg(key, s.error().message));
    if (version > 0) {
        Result<QSqlQuery *> set = server.exec(QStringLiteral("server.setVersion"), {{"version", version}});
        if (!set)
            return set.error();
    }
    return transaction.commit();
}

} // namespace

Result<int> ServerSetup::schemaVersion(Database &server)
{
    Result<QSqlQuery *> present = server.exec(QStringLiteral("server.hasSchema"));
    if (!present)
        return present.error();
    if (!(*present)->next() || !(*present)->value(0).toBool())
        return 0;
    (*present)->finish();
    Result<QSqlQuery *> version = server.exec(QStringLiteral("server.version"));
    if (!version)
        return version.error();
    if (!(*version)->next())
        return 0;
    const int found = (*version)->value(0).toInt();
    (*version)->finish();
    return found;
}

Result<ServerSetup::Applied> ServerSetup::init(Database &server)
{
    Result<int> version = schemaVersion(server);
    if (!version)
        return version.error();
    if (*version > 0)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The server already holds Front Door's schema (version %1); nothing was "
                                        "changed. \"frontdoor server migrate\" upgrades it.")
                             .arg(*version));
    if (Status s = runStep(server, QStringLiteral("server.prepare"), 0); !s)
        return s.error();
    return migrate(server);
}

Result<ServerSetup::Applied> ServerSetup::migrate(Database &server)
{
    Result<int> version = schemaVersion(server);
    if (!version)
        return version.error();
    if (*version > latestVersion)
        return makeError(ErrorCode::DatabaseTooNew,
                         QStringLiteral("The server's schema (version %1) is newer than this Front Door knows "
                                        "(version %2); nothing was changed.")
                             .arg(*version)
                             .arg(latestVersion));
    if (*version == 0 && !server.sql().contains(QStringLiteral("server.prepare")))
        return makeError(ErrorCode::DatabaseError, QStringLiteral("No server.prepare in this build."));
    Applied applied{*version, *version};
    for (int step = *version + 1; step <= latestVersion; ++step) {
        if (Status s = runStep(server, QStringLiteral("migrate.%1").arg(step), step); !s)
            return s.error();
        applied.to = step;
    }
    return applied;
}

} // namespace FrontDoor
