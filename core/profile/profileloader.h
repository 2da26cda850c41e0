#pragma once

#include "common/result.h"
#include "profile/profile.h"

namespace FrontDoor {

// Reads a profile and checks it against the format documented in resources/profiles/README.md. A malformed
// profile gives an error naming the file, the key path and what is wrong — never a crash, never a half-loaded
// profile.
class ProfileLoader
{
public:
    static constexpr int formatVersion = 1;

    static Result<Profile> fromBytes(const QByteArray &bytes, const QString &source);
    static Result<Profile> fromFile(const QString &path);

    // A built-in or installed profile by id: the user's data folder, then the system's, then the copy built
    // into the program (:/profiles/<id>.json).
    static Result<Profile> byId(const QString &id);
    static QStringList builtInIds();
    static QString defaultId();
};

} // namespace FrontDoor
