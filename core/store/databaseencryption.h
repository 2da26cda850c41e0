#pragma once

#include "access/passwordhasher.h"
#include "common/result.h"

#include <QString>

namespace FrontDoor {

// frontdoor encrypt (issue 20): an existing plaintext database becomes an encrypted one.
namespace DatabaseEncryption {

struct Converted
{
    QString recoveryKey; // shown once, for information governance to keep; never stored
    qint64 referrals = 0;
    qint64 events = 0;
    QString keyFile; // <database>.keys
};

// Copies the database page by page into a new file through the encrypting VFS (SQLite's VACUUM INTO, with room
// for each page's seal), wrapped for `account` with `password` and under a new recovery key; verifies the copy
// (integrity, the audit chain and every referral against it, the same counts as the original) and only then puts it
// in place of the original, whose bytes are overwritten before it is removed. Refused, changing nothing, while any
// other connection has the database open, or if it is already encrypted.
Result<Converted>
convert(const QString &path, const QString &account, const QString &password, const PasswordHasher::Cost &cost);

} // namespace DatabaseEncryption
} // namespace FrontDoor
