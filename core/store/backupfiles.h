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
// When a backup was made, from its name (UTC); invalid for a name not of that form.
QDateTime madeAt(const QString &file);

// Generations (issue 17): the newest backup of each of the last 7 days, 4 weeks and 12 months is kept, so a damage
// noticed late still has a good copy from before it. Of `newestFirst`, those to remove.
struct Generations
{
    int days = 7;
    int weeks = 4;
    int months = 12;
};
QStringList beyondGenerations(const QStringList &newestFirst, const Generations &keep = {});

} // namespace FrontDoor::BackupFiles
