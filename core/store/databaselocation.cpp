#include "store/databaselocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace FrontDoor {

namespace {
constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyDir = ownerOnlyFile | QFileDevice::ExeOwner;
} // namespace

namespace {
QString folderOr(const QString &folder)
{
    return !folder.isEmpty() ? folder : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
} // namespace

QString DatabaseLocation::defaultPath(const QString &folder)
{
    return QDir(folderOr(folder)).filePath(QStringLiteral("frontdoor.sqlite"));
}

QString DatabaseLocation::defaultTrainingPath(const QString &folder)
{
    return QDir(folderOr(folder)).filePath(QStringLiteral("frontdoor-training.sqlite"));
}

bool DatabaseLocation::makeOwnerOnlyFolder(const QString &folder)
{
    QStringList missing; // outermost first
    for (QString f = QFileInfo(folder).absoluteFilePath(); !QFileInfo::exists(f); f = QFileInfo(f).absolutePath()) {
        missing.prepend(f);
        if (QFileInfo(f).absolutePath() == f)
            break;
    }
    for (const QString &f : std::as_const(missing))
        if (!QDir().mkdir(f) || !QFile::setPermissions(f, ownerOnlyDir))
            return QFileInfo(folder).isDir();
    return QFileInfo(folder).isDir();
}

Result<QString> DatabaseLocation::prepare(const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("No database file was given."));

    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const QString folder = info.absolutePath();

    if (!QFileInfo::exists(folder) && !makeOwnerOnlyFolder(folder))
        return makeError(ErrorCode::IoError,
                         QStringLiteral("Cannot create the folder %1 for the database. Check that the disk is not "
                                        "full and that you may write there.").arg(folder));
    if (info.exists() && info.isDir())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is a folder, not a database file.").arg(absolute));

    if (!info.exists()) {
        QFile file(absolute);
        // NewOnly: never truncate a file that appeared in the meantime.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile)) {
            return makeError(ErrorCode::IoError,
                             QStringLiteral("Cannot create the database file %1: %2.")
                                 .arg(absolute, file.errorString()));
        }
        file.close();
    }
    return absolute;
}

} // namespace FrontDoor
