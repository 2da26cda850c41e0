#include "restoringadministrator.h"

#include "actingperson.h"
#include "storecommands.h"

#include "store/backups.h"
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

Result<Actor> signIn(const Options &options, const QString &databasePath, const QString &backupFile)
{
    if (Backups::isTraining(backupFile) != options.training)
        return makeError(ErrorCode::Conflict,
                         options.training ? QStringLiteral("%1 holds live cases: training mode never restores it.")
                                                .arg(backupFile)
                                          : QStringLiteral("%1 is a backup of invented training cases: it never "
                                                           "replaces the live database (use --training).")
                                                .arg(backupFile));
    if (QFileInfo::exists(databasePath)) {
        Result<std::unique_ptr<Store>> live
            = Store::open(databasePath, Clock::system(), StoreCommands::storeOptions(options));
        if (live)
            return administratorOf(**live, options);
        if (live.error().code != ErrorCode::DatabaseCorrupt)
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
        Result<std::unique_ptr<Store>> copy = Store::open(scratch, Clock::system(), StoreCommands::storeOptions(options));
        actor = copy ? administratorOf(**copy, options) : Result<Actor>(copy.error());
    }
    removeScratch(scratch);
    return actor;
}

} // namespace FrontDoor::RestoringAdministrator
