#include "servercommand.h"

#include "serversignin.h"

#include "calendar/bankholidays.h"
#include "store/serverimport.h"
#include "store/serversetup.h"

#include <QFileInfo>

#include <QSqlQuery>
#include <QTextStream>

namespace FrontDoor::ServerCommand {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "frontdoor server: " << message << '\n';
    return 2;
}

// A standalone workstation's file into the team's server, by the database administrator (ServerImport).
int importDatabase(const Options &options, const QString &file)
{
    if (!QFileInfo(file).isFile())
        return fail(QStringLiteral("%1 is not a database file.").arg(file));
    Result<std::unique_ptr<Database>> server = signInToServer(options);
    if (!server)
        return fail(server.errorMessage());
    const WorkingCalendar calendar(BankHolidays::current());
    Result<ServerImport::Imported> imported = ServerImport::importDatabase(**server, file, Clock::system(), calendar);
    if (!imported)
        return fail(imported.errorMessage());
    QTextStream(stdout) << "Imported " << imported->referrals << " referral(s) and the file's whole trail ("
                        << imported->historyEvents << " events, head " << imported->sourceHead
                        << "), each referral with an \"imported\" event in the server's trail. Its accounts were "
                           "not: add each person with frontdoor user add under the same name.\n";
    return 0;
}

} // namespace

int run(const Options &options)
{
    const QStringList args = options.commandArguments;
    if (args.isEmpty())
        return fail(QStringLiteral("say what to do: init, migrate, status or import-database FILE."));
    const QString action = args.constFirst();
    if (action == QLatin1String("import-database"))
        return args.size() == 2 ? importDatabase(options, args.at(1))
                                : fail(QStringLiteral("import-database takes one database file."));
    if (args.size() != 1)
        return fail(QStringLiteral("%1 takes nothing more.").arg(action));
    if (action != QLatin1String("init") && action != QLatin1String("migrate") && action != QLatin1String("status"))
        return fail(QStringLiteral("\"%1\" is not init, migrate, status or import-database.").arg(action));
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
