#pragma once

#include "common/deployedsettings.h"
#include "common/result.h"

#include <QStringList>

class QCommandLineParser;

namespace FrontDoor {

struct Options
{
    QString databasePath; // empty: the default under AppDataLocation
    QString profileId;    // empty: the default profile
    QString now;          // --now: evaluate as at this time (ISO 8601); empty: the clock
    QString actingAs;     // --as: the administrator running an account command
    QString role;         // --role: for `user add`
    QString name;         // --name: the person's name, for `user add`
    bool training = false; // --training: the training database of invented cases, never the live one
    QString reference;     // export: --reference
    QString format;        // export: --format json|pdf
    QString document;      // export --format pdf: --document record|notice|feedback
    QString out;           // export: --out PATH
    QString columns;       // export --format csv: --columns a,b,c
    QString anchors;       // verify-audit: --anchors FILE
    QString server;        // --server: team mode's server for this run (wins over [storage] server)
    bool full = false;     // verify-audit --full: every row, not only what came after the last verified head
    bool recoveryKey = false;  // restore --recovery-key: an encrypted backup opened by the recovery key (typed)
    DeployedSettings settings; // what IT deployed and the user set (system-wide and per-user files), read once
    QString command;      // empty: open the window
    QStringList commandArguments;
};

// The command line of `frontdoor`: options shared by the window and the sub-commands (check, …).
class CommandLine
{
public:
    // True when the arguments ask for the window (no sub-command, no --help/--version), so that main() only
    // creates a QApplication — which needs a display — when one is wanted.
    static bool wantsWindow(const QStringList &arguments);

    // Parses; --help and --version print and exit as QCommandLineParser does.
    static Result<Options> parse(const QStringList &arguments);

    static QStringList commandNames();
};

} // namespace FrontDoor
