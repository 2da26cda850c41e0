#include "servercommand.h"

#include "serversignin.h"

#include "store/serversetup.h"

#include <QSqlQuery>
#include <QTextStream>

namespace FrontDoor::ServerCommand {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "frontdoor server: " << message << '\n';
    return 2;
}

} // namespace

int run(const Options &options)
{
    const QStringList args = options.commandArguments;
    if (args.size() != 1)
        return fail(QStringLiteral("say what to do: init, migrate or status."));
    const QString action = args.constFirst();
    if (action != QLatin1String("init") && action != QLatin1String("migrate") && action != QLatin1String("status"))
        return fail(QStringLiteral("\"%1\" is not init, migrate or status.").arg(action));
    Result<std::unique_ptr<Database>> server = signInToServer(options, /*forSetup=*/true);
    if (!server)
        return fail(server.errorMessage());
    QTextStream out(stdout);
    if (action == QLatin1String("status")) {
        Result<int> version = ServerSetup::schemaVersion(**server);
        if (!version)
            return fail(version.errorMessage());
        out << "Schema version " << *version << " (this Front Door: " << ServerSetup::latestVersion << ")\n";
        if (*version == 0)
            return 1;
        Result<QSqlQuery *> broken = (*server)->exec(QStringLiteral("audit.firstBrokenLink"));
        if (!broken)
            return fail(broken.errorMessage());
        const QVariant first = (*broken)->next() ? (*broken)->value(0) : QVariant();
        (*broken)->finish();
        if (!first.isNull()) {
            out << "Audit chain: BROKEN at event " << first.toLongLong() << '\n';
            return 1;
        }
        out << "Audit chain: unbroken\n";
        return 0;
    }
    Result<ServerSetup::Applied> applied
        = action == QLatin1String("init") ? ServerSetup::init(**server) : ServerSetup::migrate(**server);
    if (!applied)
        return fail(applied.errorMessage());
    if (applied->from == applied->to)
        out << "The server's schema is up to date (version " << applied->to << ").\n";
    else
        out << "The server's schema is now version " << applied->to << " (was " << applied->from << ").\n";
    if (action == QLatin1String("init"))
        out << "Next: create the first administrator: frontdoor user add NAME --role administrator --name \"…\" "
               "--server … --as "
            << options.actingAs << '\n';
    return 0;
}

} // namespace FrontDoor::ServerCommand
