#include "common/datafolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace FrontDoor::DataFolders {

QString packageFolder()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/frontdoor"));
}

QStringList searchOrder()
{
    QStringList folders = QStandardPaths::standardLocations(QStandardPaths::AppDataLocation); // the user's first
    folders.append(packageFolder());
    folders.removeDuplicates();
    return folders;
}

QString locate(const QString &relative)
{
    for (const QString &folder : searchOrder()) {
        const QFileInfo candidate(QDir(folder).filePath(relative));
        if (candidate.isFile())
            return candidate.absoluteFilePath();
    }
    return {};
}

} // namespace FrontDoor::DataFolders
