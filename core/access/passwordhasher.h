#pragma once

#include "common/result.h"

#include <QString>

namespace FrontDoor {

// Passwords are stored only as libsodium's Argon2id strings (crypto_pwhash_str): salt and cost inside, so a
// stored hash can be checked, and recognised as too cheap, without any other record. libsodium (Debian's
// libsodium-dev) is the well-kept library made for this; nothing here is hand-rolled cryptography.
class PasswordHasher
{
public:
    struct Cost
    {
        unsigned long long passes = 10; // 3 passes took 92 ms here, below the 0.2 s aimed for
        size_t memoryBytes = size_t(64) * 1024 * 1024; // above OWASP's 19 MiB floor; ~0.26 s here (bench_password)
    };

    static Result<QString> hash(const QString &password, const Cost &cost);
    static Result<QString> hash(const QString &password) { return hash(password, Cost{}); }
    static bool verify(const QString &storedHash, const QString &password);
    // True when `storedHash` was made with other settings than `cost` (rehash at the next sign-in).
    static bool needsRehash(const QString &storedHash, const Cost &cost);
};

// What a new password must be: at least 12 characters, not on the short list of the commonest passwords, and not
// the user's own name.
namespace PasswordPolicy {
constexpr int minimumLength = 12;
Status check(const QString &password, const QString &userName);
} // namespace PasswordPolicy

} // namespace FrontDoor
