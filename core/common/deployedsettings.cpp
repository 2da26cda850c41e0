#include "common/deployedsettings.h"

#include "common/appinfo.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace FrontDoor {

namespace {

const QString profileKey = DeployedSettings::profileKey.toString();
const QString idleLockKey = DeployedSettings::idleLockKey.toString();
const QString databaseFolderKey = DeployedSettings::databaseFolderKey.toString();
const QString backupFolderKey = DeployedSettings::backupFolderKey.toString();
const QString secondBackupFolderKey = DeployedSettings::secondBackupFolderKey.toString();
const QString anchorFolderKey = DeployedSettings::anchorFolderKey.toString();
const QString serverKey = DeployedSettings::serverKey.toString();

QString relativeName()
{
    return QStringLiteral("%1/%2.conf").arg(AppInfo::organizationName(), AppInfo::applicationName());
}

// One file's values, each checked; a bad one is a problem, not a value.
struct FileValues
{
    QString file;
    QMap<QString, QString> values; // only the usable ones
};

FileValues readFile(const QString &file, QStringList &problems)
{
    FileValues read{file, {}};
    if (file.isEmpty() || !QFileInfo(file).isFile())
        return read;
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        problems << QStringLiteral("%1 cannot be read as a settings file; none of its settings are used.").arg(file);
        return read;
    }
    const auto bad = [&](const QString &key, const QString &why) {
        problems << QStringLiteral("%1: %2 is not used: %3").arg(file, key, why);
    };
    static const QRegularExpression profileId(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    if (settings.contains(profileKey)) {
        const QString id = settings.value(profileKey).toString().trimmed();
        if (profileId.match(id).hasMatch())
            read.values.insert(profileKey, id);
        else
            bad(profileKey, QStringLiteral("a profile id is lower-case letters, digits and dashes (norfolk-cads)."));
    }
    if (settings.contains(idleLockKey)) {
        bool number = false;
        const int minutes = settings.value(idleLockKey).toString().trimmed().toInt(&number);
        if (number && minutes >= DeployedSettings::shortestIdleLock && minutes <= DeployedSettings::longestIdleLock)
            read.values.insert(idleLockKey, QString::number(minutes));
        else
            bad(idleLockKey, QStringLiteral("it must be a whole number of minutes from %1 to %2.")
                                 .arg(DeployedSettings::shortestIdleLock)
                                 .arg(DeployedSettings::longestIdleLock));
    }
    for (const QString &key : {databaseFolderKey, backupFolderKey, secondBackupFolderKey, anchorFolderKey}) {
        if (!settings.contains(key))
            continue;
        const QString folder = settings.value(key).toString().trimmed();
        if (!folder.isEmpty() && QDir::isAbsolutePath(folder))
            read.values.insert(key, QDir::cleanPath(folder));
        else
            bad(key, QStringLiteral("a folder must be given as an absolute path."));
    }
    if (settings.contains(serverKey)) {
        const QString server = settings.value(serverKey).toString().simplified();
        static const QRegularExpression secret(QStringLiteral("(^|\\s)(user|password|passfile)\\s*="),
                                               QRegularExpression::CaseInsensitiveOption);
        if (server.isEmpty())
            bad(serverKey, QStringLiteral("it is empty; leave the key out for a standalone workstation."));
        else if (secret.match(server).hasMatch())
            bad(serverKey,
                QStringLiteral("it names a user or a password; each person signs in as themselves, and a "
                               "password never lives in a settings file."));
        else
            read.values.insert(serverKey, server);
    }
    return read;
}

} // namespace

QString DeployedSettings::userFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)).filePath(relativeName());
}

QStringList DeployedSettings::systemFiles()
{
    QStringList files;
    const QStringList folders = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (qsizetype i = 1; i < folders.size(); ++i) // the first is the user's own
        files << QDir(folders.at(i)).filePath(relativeName());
    return files;
}

DeployedSettings DeployedSettings::read()
{
    return read(userFile(), systemFiles());
}

DeployedSettings DeployedSettings::read(const QString &userFile, const QStringList &systemFiles)
{
    DeployedSettings settings;
    FileValues system;
    for (const QString &file : systemFiles)
        if (QFileInfo(file).isFile()) {
            system = readFile(file, settings.problems);
            break;
        }
    const FileValues user = readFile(userFile, settings.problems);

    const auto chosen = [&](const QString &key) -> QString {
        for (const FileValues *from : std::initializer_list<const FileValues *>{&user, &system})
            if (from->values.contains(key)) {
                settings.sources.insert(key, from->file);
                return from->values.value(key);
            }
        return {};
    };
    settings.defaultProfile = chosen(profileKey);
    settings.databaseFolder = chosen(databaseFolderKey);
    settings.backupFolder = chosen(backupFolderKey);
    settings.secondBackupFolder = chosen(secondBackupFolderKey);
    settings.anchorFolder = chosen(anchorFolderKey);
    settings.server = chosen(serverKey);
    if (const QString minutes = chosen(idleLockKey); !minutes.isEmpty())
        settings.idleLockMinutes = minutes.toInt();
    // A user may shorten the privacy screen IT requires, never lengthen it.
    if (system.values.contains(idleLockKey) && user.values.contains(idleLockKey)) {
        const int longest = system.values.value(idleLockKey).toInt();
        if (settings.idleLockMinutes > longest) {
            settings.problems << QStringLiteral("%1: %2 of %3 minutes is longer than the %4 minutes %5 allows; %4 is used.")
                                     .arg(user.file, idleLockKey)
                                     .arg(settings.idleLockMinutes)
                                     .arg(longest)
                                     .arg(system.file);
            settings.idleLockMinutes = longest;
            settings.sources.insert(idleLockKey, system.file);
        }
    }
    return settings;
}

} // namespace FrontDoor
