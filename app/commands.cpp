#include "commands.h"

#include "calendarcommand.h"
#include "checkcommand.h"
#include "encryptcommand.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "servercommand.h"
#include "serverusercommand.h"
#include "settingscommand.h"
#include "storecommands.h"
#include "usercommand.h"

#include <QTextStream>

namespace FrontDoor::Commands {

const std::vector<Command> &all()
{
    static const std::vector<Command> commands{
        {QStringLiteral("check"),
         QStringLiteral("check FILE.json [--profile ID] [--now TIME] [--format json]"),
         QStringLiteral("check a referral against its procedure; prints the findings as JSON (--format json: with the "
                        "follow-up actions and due times submitting at --now would set)"),
         &CheckCommand::run},
        {QStringLiteral("calendar"),
         QStringLiteral("calendar working-days-after DATE N | is-working-day DATE"),
         QStringLiteral("the working days due times are counted in (exit 1 for a day that is not one)"),
         &CalendarCommand::run},
        {QStringLiteral("verify-audit"),
         QStringLiteral("verify-audit [--db PATH] [--full] [--anchors FILE] | --server CONNECTION --as NAME"),
         QStringLiteral("verify the audit trail's chain, every referral, derived row and account against it, and every "
                        "head anchored outside the file (also --anchors FILE); after the first run, only what came "
                        "after the last verified head unless --full; exit 1 when anything differs"),
         &StoreCommands::verifyAudit},
        {QStringLiteral("backup"),
         QStringLiteral("backup [--db PATH]"),
         QStringLiteral("make a verified backup (and IT's second copy); 7 days, 4 weeks, 12 months are kept; exit 3 "
                        "with a warning when it holds fewer records than the last"),
         &StoreCommands::backup},
        {QStringLiteral("restore"),
         QStringLiteral("restore FILE [--db PATH] --as ADMIN"),
         QStringLiteral("replace the database with a backup that passes its checks (an administrator; the old file "
                        "is kept)"),
         &StoreCommands::restore},
        {QStringLiteral("encrypt"),
         QStringLiteral("encrypt [--db PATH] --as ADMIN"),
         QStringLiteral("encrypt an existing database (verified before it replaces the original); prints the recovery "
                        "key once, names the accounts whose password must be reset, makes an encrypted backup"),
         &EncryptCommand::run},
        {QStringLiteral("export"),
         QStringLiteral(
             "export --reference R --format json|pdf [--document …] [--out PATH] --as NAME | export --format csv …"),
         QStringLiteral("write a referral (JSON) or one of its documents (PDF, redacted for its reader); a supervisor, "
                        "audited"),
         &ExportCommand::run},
        {QStringLiteral("import"),
         QStringLiteral("import FILE.json --as NAME"),
         QStringLiteral("store a referral another Front Door exported (all or nothing; a duplicate is refused); a "
                        "supervisor, audited"),
         &ImportCommand::run},
        {QStringLiteral("settings"),
         QStringLiteral("settings"),
         QStringLiteral("show the settings in use and the files they came from (system-wide and per user)"),
         &SettingsCommand::run},
        {QStringLiteral("user"),
         QStringLiteral("user add|disable|enable|reset|list [NAME]"),
         QStringLiteral("manage accounts (--name, --role, --as ADMIN); passwords are read, never given"),
         &UserCommand::run},
        {QStringLiteral("server"),
         QStringLiteral("server init|migrate|status|import-database FILE --server CONNECTION --as NAME"),
         QStringLiteral("team mode: create or upgrade Front Door's schema, roles, grants and row-level security on a "
                        "PostgreSQL server (a database administrator), show its version and check its audit chain, or "
                        "bring a standalone database into it whole (its trail verified first)"),
         &ServerCommand::run},
    };
    return commands;
}

namespace {

// What a standalone-file command says in team mode, or empty when it works there.
QString teamModeRefusal(const QString &command)
{
    if (command == QLatin1String("backup") || command == QLatin1String("restore"))
        return QStringLiteral("in team mode the server is backed up and restored by its administrators (a base backup "
                              "and WAL archiving, see the README's Team mode); Front Door makes no copy of it.");
    if (command == QLatin1String("export") || command == QLatin1String("import"))
        return QStringLiteral("in team mode, export a referral from the window (it is audited on the server); "
                              "exchanging files from the command line works on a standalone database (--db PATH).");
    return {};
}

} // namespace

int run(const Options &options)
{
    // A deployed value that cannot be used is said on every command, not only `settings`: a backup must not quietly
    // go to another folder than the one IT meant.
    if (options.command != QLatin1String("settings"))
        for (const QString &problem : options.settings.problems)
            QTextStream(stderr) << "frontdoor: warning: " << problem << '\n';
    // Team mode: accounts are the server's login roles, not rows of a local file.
    if (options.command == QLatin1String("user") && !options.server.isEmpty())
        return ServerUserCommand::run(options);
    // Team mode: a command that works on a workstation's own file says so rather than open a local file nobody uses
    // (an explicit --db still names a local file: checking one before `server import-database`, say).
    if (const QString why = teamModeRefusal(options.command);
        !options.server.isEmpty() && options.databasePath.isEmpty() && !why.isEmpty()) {
        QTextStream(stderr) << "frontdoor " << options.command << ": " << why << '\n';
        return 2;
    }
    for (const Command &command : all()) {
        if (command.name == options.command)
            return command.run(options);
    }
    QTextStream(stderr) << "Unknown command: " << options.command << '\n';
    return 2;
}

} // namespace FrontDoor::Commands
