#pragma once

#include "common/result.h"
#include "profile/profile.h"

#include <map>

namespace FrontDoor {

// The profiles a running window needs: its own, and each other front door's whose referral it opens (issue 16: a
// Lincolnshire referral opened at a Norfolk desk shows Lincolnshire's header, contacts and timescales). Each is
// loaded once and kept, at a stable address, for as long as the shelf lives — editors hold references to them.
class ProfileShelf
{
public:
    explicit ProfileShelf(Profile home);

    const Profile &home() const { return m_profiles.at(m_homeId); }
    // The profile a referral names, loaded on first use (ProfileLoader::byId); an error names the id.
    Result<const Profile *> forId(const QString &id);

private:
    QString m_homeId;
    std::map<QString, Profile> m_profiles; // node-based: references stay valid as profiles are added
};

} // namespace FrontDoor
