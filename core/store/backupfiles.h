#pragma once

#include <QDateTime>
#include <QStringList>

namespace FrontDoor::BackupFiles {

// Backups of <dir>/frontdoor.sqlite live in <dir>/backups/ as frontdoor-20261124-103000123.sqlite (UTC), so that
// several databases can share a folder and the names sort by age.
QString defaultFolder(const QString &databasePath);
QString fileNameFor(const QString &databasePath, const QDateTime &at);
// Backups of that database in `folder`, newest first (full paths).
QStringList list(const QString &folder, const QString &databasePath);

} // namespace FrontDoor::BackupFiles
