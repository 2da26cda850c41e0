#pragma once

#include <QLatin1StringView>
#include <QMap>
#include <QStringList>

namespace FrontDoor {

// The settings an IT department deploys (issue 9), read from a system-wide file and the user's own — both INI
// files under the name Qt gives them:
//   system-wide  $XDG_CONFIG_DIRS/FrontDoor/frontdoor.conf   (normally /etc/xdg/FrontDoor/frontdoor.conf)
//   per user     $XDG_CONFIG_HOME/FrontDoor/frontdoor.conf   (normally ~/.config/FrontDoor/frontdoor.conf)
//
//   [profile]  default=norfolk-cads            the profile when --profile is not given
//   [privacy]  idleLockMinutes=5               1–30; the system-wide value is the longest a user may choose
//   [storage]  databaseFolder=/srv/frontdoor   absolute; the live and training databases live there
//              backupFolder=/srv/frontdoor-backups   absolute; default: "backups" beside the database
//              secondBackupFolder=/mnt/share/backups absolute; every backup is copied there too and checked
//              anchorFolder=/mnt/worm/anchors       absolute; the audit trail's heads, out of the database's
//                                                   reach (default: ~/.local/state/FrontDoor/anchors)
//              server=service=frontdoor            team mode (issue 19): a libpq connection string or service
//                                                   for the team's PostgreSQL server; never a user or password
//
// The command line wins over both; the user's file over the system-wide one, except that a user may only shorten
// the idle lock (a privacy screen is IT's to require). A value that cannot be used is left out, with a sentence
// naming the file, the key and why (`problems`), so a mistyped deployment is visible, never silently ignored.
struct DeployedSettings
{
    QString defaultProfile;
    // The keys, as the files and `sources` name them.
    static constexpr QLatin1StringView profileKey{"profile/default"};
    static constexpr QLatin1StringView idleLockKey{"privacy/idleLockMinutes"};
    static constexpr QLatin1StringView databaseFolderKey{"storage/databaseFolder"};
    static constexpr QLatin1StringView backupFolderKey{"storage/backupFolder"};
    static constexpr QLatin1StringView secondBackupFolderKey{"storage/secondBackupFolder"};
    static constexpr QLatin1StringView anchorFolderKey{"storage/anchorFolder"};
    static constexpr QLatin1StringView serverKey{"storage/server"};

    static constexpr int defaultIdleLock = 5;
    static constexpr int shortestIdleLock = 1;
    static constexpr int longestIdleLock = 30;

    int idleLockMinutes = defaultIdleLock;
    QString databaseFolder;
    QString backupFolder;
    QString secondBackupFolder;
    QString anchorFolder;
    QString server; // empty: standalone (the SQLite file on this workstation)
    QStringList problems;
    QMap<QString, QString> sources; // key (e.g. "privacy/idleLockMinutes") → the file its value came from

    // From the standard places above.
    static DeployedSettings read();
    // From these files (missing ones are skipped); the system-wide files in order of preference, the first that
    // exists used.
    static DeployedSettings read(const QString &userFile, const QStringList &systemFiles);
    static QString userFile();
    static QStringList systemFiles();
};

} // namespace FrontDoor
