#pragma once

#include "commandline.h"

#include "access/actor.h"
#include "store/sealedvfs.h"

#include <memory>

namespace FrontDoor::RestoringAdministrator {

// `restore` replaces the live file, so an administrator signs in first (issue 17), as `user` asks: against the
// database being replaced when it opens; else — it is damaged or gone, the usual reason to restore — against the
// accounts of the backup itself, on a scratch copy beside the database that is removed straight after. The sign-in
// is audited where it was checked; the restore is audited under the administrator in the restored file. An
// encrypted live file opens with the administrator's own wrap; when it cannot (its key file lost, or only the
// recovery key is known), the scratch copy of the backup opens with `backupKey`.
Result<Actor> signIn(const Options &options,
                     const QString &databasePath,
                     const QString &backupFile,
                     const std::shared_ptr<const SealingKey> &backupKey);

} // namespace FrontDoor::RestoringAdministrator
