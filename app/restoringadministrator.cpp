#include "restoringadministrator.h"

#include "actingperson.h"
#include "storecommands.h"

#include "store/backups.h"
#include "store/databasekeys.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>

namespace FrontDoor::RestoringAdministrator {

namespace {

Result<Actor> administratorOf(Store &store, const Options &options)
{
    return actingPerson(store.accounts(), options, Operation::ManageBackups,
                        QStringLiteral("only an administrator restores a backup."));
}

void removeScratch(const QString &scratch)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(scratch + suffix);
}

} // namespace

Result<Actor> signIn(const Options &options,
                     const QString &databasePath,
                     const QString &backupFile,
                     const std::shared_ptr<const SealingKey> &backupKey)
{
    if (Backups::isTraining(backupFile) != options.training)
        return makeError(ErrorCode::Conflict,
                         options.training ? QStringLiteral("%1 holds live cases: training mode never restores it.")
                                                .arg(backupFile)
                                          : QStringLiteral("%1 is a backup of invented training cases: it never "
                                                           "replaces the live database (use --training).")
                                                .arg(backupFile));
    if (QFileInfo::exists(databasePath)) {
        Result<std::unique_ptr<Store>> live = StoreCommands::openStore(options, databasePath);
        if (live)
            return administratorOf(**live, options);
        // Damaged, or encrypted and this password does not open it (a key file lost, a recovery): the backup's
        // own accounts decide.
        const bool keyless
            = DatabaseKeys::isEncrypted(databasePath)
              && (live.error().code == ErrorCode::PermissionDenied || live.error().code == ErrorCode::NotFound);
        if (live.error().code != ErrorCode::DatabaseCorrupt && !keyless)
            return live.error();
    }
    const QString scratch = databasePath + QStringLiteral(".signing-in");
    removeScratch(scratch);
    if (!QFile::copy(backupFile, scratch)) {
        removeScratch(scratch);
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be written to check who is restoring.")
                                                 .arg(scratch));
    }
    QFile::setPermissions(scratch, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Result<Actor> actor = makeError(ErrorCode::PermissionDenied, QString());
    {
        Store::Options opening = StoreCommands::storeOptions(options);
        opening.sealing = backupKey; // the copy's bytes are the backup's: the same file id
        Result<std::unique_ptr<Store>> copy = Store::open(scratch, Clock::system(), opening);
        actor = copy ? administratorOf(**copy, options) : Result<Actor>(copy.error());
    }
    removeScratch(scratch);
    return actor;
}

} // namespace FrontDoor::RestoringAdministrator
