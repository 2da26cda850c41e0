#include "profile/profileshelf.h"

#include "profile/profileloader.h"

namespace FrontDoor {

ProfileShelf::ProfileShelf(Profile home) : m_homeId(home.id)
{
    m_profiles.emplace(m_homeId, std::move(home));
}

Result<const Profile *> ProfileShelf::forId(const QString &id)
{
    if (const auto found = m_profiles.find(id); found != m_profiles.end())
        return &found->second;
    Result<Profile> loaded = ProfileLoader::byId(id);
    if (!loaded)
        return loaded.error();
    return &m_profiles.emplace(id, std::move(*loaded)).first->second;
}

} // namespace FrontDoor
