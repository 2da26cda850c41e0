#pragma once

#include "access/passwordhasher.h"
#include "common/result.h"
#include "store/keyring.h"

#include <QString>

#include <memory>

namespace FrontDoor {

// Opening an encrypted standalone database (issue 20): the key comes out of <file>.keys with the password of the
// person signing in (or, for information governance, the recovery key) before the file is opened, because the
// accounts themselves are inside it. Used alike by the window's sign-in and by every command.
namespace DatabaseKeys {

// Whether the file at `path` is encrypted (its clear header says so); false for a file that does not exist.
bool isEncrypted(const QString &path);

// The key of the database at `path`, unwrapped by `account`'s `password`. A wrong password, an unknown name and an
// account without a wrap are refused alike; a missing or damaged key file is named.
Result<std::shared_ptr<SealingKey>> unlock(const QString &path, const QString &account, const QString &password);
Result<std::shared_ptr<SealingKey>> unlockWithRecoveryKey(const QString &path, const QString &recoveryKey);

// The key of a new encrypted database at `path` (which must not exist yet): wrapped for its first administrator and
// under a new recovery key, saved as <path>.keys before the database file is made. A key file left by a first run
// that never made its database is replaced.
Result<KeyRing::Created>
createFor(const QString &path, const QString &account, const QString &password, const PasswordHasher::Cost &cost);

// Undoes createFor when the database could not be made: the new file, its journal files and its key file go.
void discardNew(const QString &path);

} // namespace DatabaseKeys
} // namespace FrontDoor
