#include "databasekeys.h"

#include "store/accounts.h"
#include "store/databaselocation.h"
#include "store/sealedvfs.h"

#include <QFile>
#include <QFileInfo>

namespace FrontDoor::DatabaseKeys {

bool isEncrypted(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && SealedVfs::headerSaysSealed(file.read(100));
}

Result<std::shared_ptr<SealingKey>> unlock(const QString &path, const QString &account, const QString &password)
{
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(path));
    if (!ring)
        return ring.error();
    return ring->unwrap(Accounts::normalisedId(account), password);
}

Result<std::shared_ptr<SealingKey>> unlockWithRecoveryKey(const QString &path, const QString &recoveryKey)
{
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(path));
    if (!ring)
        return ring.error();
    return ring->unwrapWithRecoveryKey(recoveryKey);
}

Result<KeyRing::Created>
createFor(const QString &path, const QString &account, const QString &password, const PasswordHasher::Cost &cost)
{
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 already exists: a new key is made only for a new database.").arg(path));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder) && !DatabaseLocation::makeOwnerOnlyFolder(folder))
        return makeError(ErrorCode::IoError,
                         QStringLiteral("Cannot create the folder %1 for the database. Check that the disk is not "
                                        "full and that you may write there.")
                             .arg(folder));
    Result<KeyRing::Created> created = KeyRing::create(Accounts::normalisedId(account), password, cost);
    if (!created)
        return created.error();
    if (Status saved = created->ring.save(KeyRing::pathFor(path)); !saved)
        return saved.error();
    return created;
}

void discardNew(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".keys")})
        QFile::remove(path + suffix);
}

} // namespace FrontDoor::DatabaseKeys
