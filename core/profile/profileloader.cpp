#include "profile/profileloader.h"

#include "profile/profileparser.h"

#include "common/datafolders.h"
#include "common/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace FrontDoor {

namespace {

QString builtInPath(const QString &id)
{
    return QStringLiteral(":/profiles/%1.json").arg(id);
}

} // namespace

Result<Profile> ProfileLoader::fromBytes(const QByteArray &bytes, const QString &source)
{
    const Result<QJsonObject> root = JsonReader::parseObject(bytes, source);
    if (!root)
        return root.error();
    return ProfileParser::parse(*root, source);
}

Result<Profile> ProfileLoader::fromFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    constexpr qint64 maximumSize = 4 * 1024 * 1024;
    if (file.size() > maximumSize)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1: is larger than a profile can be (4 MiB).").arg(name));
    Result<Profile> profile = fromBytes(file.readAll(), name);
    if (profile && QFileInfo(path).completeBaseName() != profile->id)
        return makeError(ErrorCode::SchemaError,
                         QStringLiteral("%1: id: \"%2\" should match the file name").arg(name, profile->id));
    return profile;
}

Result<Profile> ProfileLoader::byId(const QString &id)
{
    static const QRegularExpression safeId(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    if (!safeId.match(id).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not a profile id (lower-case letters, digits and dashes, e.g. "
                                        "norfolk-cads).")
                             .arg(id.left(64)));
    const QString relative = QStringLiteral("profiles/%1.json").arg(id);
    const QString installed = DataFolders::locate(relative);
    if (!installed.isEmpty())
        return fromFile(installed);
    if (QFile::exists(builtInPath(id)))
        return fromFile(builtInPath(id));
    return makeError(ErrorCode::NotFound, QStringLiteral("There is no profile \"%1\". Known profiles: %2.")
                                              .arg(id, builtInIds().join(QStringLiteral(", "))));
}

QStringList ProfileLoader::builtInIds()
{
    QStringList ids;
    const QStringList files = QDir(QStringLiteral(":/profiles")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : files)
        ids << QFileInfo(file).completeBaseName();
    ids.removeAll(QStringLiteral("profile.schema"));
    return ids;
}

QString ProfileLoader::defaultId()
{
    return QStringLiteral("norfolk-cads");
}

} // namespace FrontDoor
