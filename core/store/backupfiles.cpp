#include "store/backupfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace FrontDoor::BackupFiles {

QString defaultFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString fileNameFor(const QString &databasePath, const QDateTime &at)
{
    return QStringLiteral("%1-%2.sqlite")
        .arg(QFileInfo(databasePath).completeBaseName(), at.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")));
}

QStringList list(const QString &folder, const QString &databasePath)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {};
    const QRegularExpression pattern(QStringLiteral("^%1-\\d{8}-\\d{9}\\.sqlite$")
                                         .arg(QRegularExpression::escape(QFileInfo(databasePath).completeBaseName())));
    QStringList found;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name | QDir::Reversed))
        if (pattern.match(name).hasMatch())
            found.append(dir.filePath(name));
    return found;
}

} // namespace FrontDoor::BackupFiles
