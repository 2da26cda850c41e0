#include "commandline.h"

#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace FrontDoor {

namespace {

const QCommandLineOption dbOption(QStringList{QStringLiteral("db")},
                                  QStringLiteral("The database file (default: %1)."),
                                  QStringLiteral("PATH"));
const QCommandLineOption profileOption(QStringList{QStringLiteral("profile")},
                                       QStringLiteral("The front door's procedure profile, e.g. norfolk-cads or "
                                                      "lincolnshire-csc."),
                                       QStringLiteral("ID"));

const QCommandLineOption nowOption(QStringList{QStringLiteral("now")},
                                   QStringLiteral("check: evaluate as at this time, e.g. 2026-11-24T10:00:00Z "
                                                  "(to reproduce an earlier check)."),
                                   QStringLiteral("TIME"));

const QCommandLineOption asOption(QStringList{QStringLiteral("as")},
                                  QStringLiteral("user: the administrator doing it (their password is asked for)."),
                                  QStringLiteral("ADMIN"));
const QCommandLineOption roleOption(QStringList{QStringLiteral("role")},
                                    QStringLiteral("user add: callHandler, supervisor or administrator."),
                                    QStringLiteral("ROLE"));
const QCommandLineOption nameOption(QStringList{QStringLiteral("name")},
                                    QStringLiteral("user add: the person's full name."), QStringLiteral("NAME"));

const QCommandLineOption referenceOption(QStringList{QStringLiteral("reference")},
                                         QStringLiteral("export: the referral, e.g. NOR-2026-000123."),
                                         QStringLiteral("REFERENCE"));
const QCommandLineOption formatOption(QStringList{QStringLiteral("format")},
                                      QStringLiteral("export: json (the referral JSON schema) or pdf."),
                                      QStringLiteral("FORMAT"));
const QCommandLineOption documentOption(QStringList{QStringLiteral("document")},
                                        QStringLiteral("export --format pdf: record (internal, the default), notice "
                                                       "(to the family) or feedback (to the referrer)."),
                                        QStringLiteral("DOCUMENT"));
const QCommandLineOption columnsOption(QStringList{QStringLiteral("columns")},
                                       QStringLiteral("export --format csv: the queue's columns, comma-separated "
                                                      "(default: no names and no free text)."),
                                       QStringLiteral("LIST"));
const QCommandLineOption outOption(QStringList{QStringLiteral("out")},
                                   QStringLiteral("export: the file to write (default: a name from the document, in "
                                                  "the current folder)."),
                                   QStringLiteral("PATH"));

const QCommandLineOption anchorsOption(QStringList{QStringLiteral("anchors")},
                                      QStringLiteral("verify-audit: also prove the trail holds every head in this "
                                                     "anchor log."),
                                      QStringLiteral("FILE"));

const QCommandLineOption
    serverOption(QStringList{QStringLiteral("server")},
                 QStringLiteral("Team mode: the PostgreSQL server for this run (a libpq connection "
                                "string or service=NAME; wins over [storage] server)."),
                 QStringLiteral("CONNECTION"));

// The options that take a value, so that wantsWindow() can skip over it.
const QList<const QCommandLineOption *> valueOptions{&dbOption,
                                                     &profileOption,
                                                     &nowOption,
                                                     &asOption,
                                                     &roleOption,
                                                     &nameOption,
                                                     &referenceOption,
                                                     &formatOption,
                                                     &documentOption,
                                                     &outOption,
                                                     &columnsOption,
                                                     &anchorsOption,
                                                     &serverOption};

bool isHelpOrVersion(const QString &argument)
{
    static const QStringList flags{QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("-?"),
                                   QStringLiteral("--help-all"), QStringLiteral("-v"), QStringLiteral("--version")};
    return flags.contains(argument);
}

} // namespace

QStringList CommandLine::commandNames()
{
    QStringList names;
    for (const Command &command : Commands::all())
        names << command.name;
    return names;
}

bool CommandLine::wantsWindow(const QStringList &arguments)
{
    // Any positional argument names a command (known or not): those run without a window, so an unknown one is
    // reported as such instead of failing for want of a display.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (isHelpOrVersion(argument))
            return false;
        if (std::any_of(valueOptions.begin(), valueOptions.end(), [&argument](const QCommandLineOption *option) {
                return argument == QLatin1String("--") + option->names().constFirst();
            })) {
            ++i; // skip the option's value
            continue;
        }
        if (!argument.startsWith(QLatin1Char('-')))
            return false;
    }
    return true;
}

Result<Options> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    QString description = QStringLiteral("Front Door records safeguarding referrals at a children's services front "
                                         "door.\nWith no command it opens the window.\n\nCommands:");
    for (const Command &command : Commands::all())
        description += QStringLiteral("\n  %1  %2").arg(command.synopsis.leftJustified(34), command.summary);
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();

    QCommandLineOption db = dbOption;
    db.setDescription(db.description().arg(QStringLiteral("a file under your application data folder")));
    parser.addOption(db);
    parser.addOption(profileOption);
    parser.addOption(nowOption);
    parser.addOption(asOption);
    parser.addOption(roleOption);
    parser.addOption(nameOption);
    for (const QCommandLineOption *option :
         {&referenceOption, &formatOption, &documentOption, &outOption, &columnsOption, &anchorsOption, &serverOption})
        parser.addOption(*option);
    parser.addOption(QCommandLineOption(QStringLiteral("full"),
                                        QStringLiteral("verify-audit: check every referral and row again, not only "
                                                       "what came after the last verified head.")));
    parser.addOption(QCommandLineOption(QStringLiteral("recovery-key"),
                                        QStringLiteral("restore: open an encrypted backup with the recovery key "
                                                       "information governance kept (typed when asked, never given "
                                                       "here).")));
    parser.addOption(QCommandLineOption(QStringLiteral("training"),
                                        QStringLiteral("Practise on a separate database of invented cases (its own "
                                                       "file and reference prefix, never the live one).")));
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("A command (see above), or none."),
                                 QStringLiteral("[command [arguments]]"));

    if (!parser.parse(arguments))
        return makeError(ErrorCode::InvalidInput, parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    Options options;
    options.databasePath = parser.value(db);
    options.profileId = parser.value(profileOption);
    options.now = parser.value(nowOption);
    options.actingAs = parser.value(asOption);
    options.role = parser.value(roleOption);
    options.name = parser.value(nameOption);
    options.reference = parser.value(referenceOption);
    options.format = parser.value(formatOption);
    options.document = parser.value(documentOption);
    options.out = parser.value(outOption);
    options.columns = parser.value(columnsOption);
    options.anchors = parser.value(anchorsOption);
    options.training = parser.isSet(QStringLiteral("training"));
    options.full = parser.isSet(QStringLiteral("full"));
    options.recoveryKey = parser.isSet(QStringLiteral("recovery-key"));
    options.settings = DeployedSettings::read();
    options.server = parser.isSet(serverOption) ? parser.value(serverOption).simplified() : options.settings.server;
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        options.command = positional.takeFirst();
        if (!commandNames().contains(options.command))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("Unknown command \"%1\". Run frontdoor --help for the list.")
                                 .arg(options.command));
        options.commandArguments = positional;
    }
    return options;
}

} // namespace FrontDoor
