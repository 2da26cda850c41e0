#pragma once

#include "commandline.h"

#include "access/actor.h"

namespace FrontDoor::RestoringAdministrator {

// `restore` replaces the live file, so an administrator signs in first (issue 17), as `user` asks: against the
// database being replaced when it opens; else — it is damaged or gone, the usual reason to restore — against the
// accounts of the backup itself, on a scratch copy beside the database that is removed straight after. The sign-in
// is audited where it was checked; the restore is audited under the administrator in the restored file.
Result<Actor> signIn(const Options &options, const QString &databasePath, const QString &backupFile);

} // namespace FrontDoor::RestoringAdministrator
