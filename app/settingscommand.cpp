#include "settingscommand.h"

#include "storecommands.h"

#include "calendar/bankholidays.h"
#include "common/datafolders.h"
#include "profile/profileloader.h"
#include "store/anchorlog.h"
#include "store/backupfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace FrontDoor::SettingsCommand {

int run(const Options &options)
{
    const DeployedSettings &settings = options.settings;
    QTextStream out(stdout);
    const auto line = [&](QLatin1StringView key, const QString &value, const QString &fallback) {
        const QString from = settings.sources.value(key.toString());
        out << key.toString().leftJustified(26) << (value.isEmpty() ? fallback : value)
            << (from.isEmpty() ? QStringLiteral("  (built in)") : QStringLiteral("  (from %1)").arg(from)) << '\n';
    };
    out << "Settings files (the command line wins, then the user's file, then the system-wide one):\n"
        << "  user         " << DeployedSettings::userFile() << '\n';
    for (const QString &file : DeployedSettings::systemFiles())
        out << "  system-wide  " << file << '\n';
    out << '\n';
    line(DeployedSettings::profileKey, settings.defaultProfile, ProfileLoader::defaultId());
    line(DeployedSettings::idleLockKey, QString::number(settings.idleLockMinutes), {});
    const QString database = StoreCommands::databasePath(options);
    line(DeployedSettings::databaseFolderKey, settings.databaseFolder, QDir::toNativeSeparators(QFileInfo(database).absolutePath()));
    line(DeployedSettings::backupFolderKey, settings.backupFolder, BackupFiles::defaultFolder(database));
    line(DeployedSettings::secondBackupFolderKey, settings.secondBackupFolder, QStringLiteral("none"));
    line(DeployedSettings::anchorFolderKey, settings.anchorFolder, AnchorLog::defaultFolder());
    line(DeployedSettings::serverKey, settings.server, QStringLiteral("none"));
    if (options.server.isEmpty())
        out << "\nMode: standalone (this workstation's database file)";
    else
        out << "\nMode: team — the PostgreSQL server " << options.server
            << (options.server == settings.server ? "" : " (from --server)");
    out << "\nDatabase: " << database << '\n' << "Profiles and the calendar are looked for in, in order:\n";
    for (const QString &folder : DataFolders::searchOrder())
        out << "  " << folder << '\n';
    out << "  (then the copies built into the program)\n";
    const auto used = [](const QString &relative) {
        const QString found = DataFolders::locate(relative);
        return found.isEmpty() ? QStringLiteral("built in") : found;
    };
    for (const QString &id : ProfileLoader::builtInIds())
        out << "Profile " << id << ": " << used(QStringLiteral("profiles/%1.json").arg(id)) << '\n';
    out << "Bank holidays: " << used(BankHolidays::installedRelativePath()) << '\n';
    if (settings.problems.isEmpty())
        return 0;
    QTextStream err(stderr);
    for (const QString &problem : settings.problems)
        err << "frontdoor settings: " << problem << '\n';
    return 1;
}

} // namespace FrontDoor::SettingsCommand
