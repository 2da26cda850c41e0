#pragma once

#include "store/accounts.h"
#include "store/store.h"

#include <memory>

namespace FrontDoor {

// Signing in to an encrypted standalone database (issue 20). The accounts are inside the file, so the person's
// password first unwraps the database key from <file>.keys, then opens the store with it, then signs them in as
// on any database. The key lives as long as the store: closing it (sign-out, exit) wipes it.
struct EncryptedSession
{
    std::unique_ptr<Store> store;
    Account account;
    QString recoveryKey; // only when the database was just made: shown once, never stored
};

// A wrong password, an unknown name, an account without a wrap (disabled, or enabled again and not yet reset) are
// refused alike, the file untouched; a missing key file is named.
Result<EncryptedSession> signInToEncrypted(const QString &path,
                                           const QString &name,
                                           const QString &password,
                                           const Clock &clock,
                                           const Store::Options &options);

// First run on a new live database: its key (wrapped for the administrator and under a new recovery key), then the
// file, then the administrator's account. When any step fails, nothing is left behind.
Result<EncryptedSession> createEncrypted(const QString &path,
                                         const QString &login,
                                         const QString &fullName,
                                         const QString &password,
                                         const Clock &clock,
                                         const Store::Options &options);

} // namespace FrontDoor
