#include "access/role.h"

namespace FrontDoor {

QString roleName(Role role)
{
    switch (role) {
    case Role::CallHandler: return QStringLiteral("callHandler");
    case Role::Supervisor: return QStringLiteral("supervisor");
    case Role::Administrator: return QStringLiteral("administrator");
    }
    return {};
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::CallHandler: return QStringLiteral("Call-handler");
    case Role::Supervisor: return QStringLiteral("Supervisor");
    case Role::Administrator: return QStringLiteral("Administrator");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::CallHandler, Role::Supervisor, Role::Administrator})
        if (roleName(role) == name)
            return role;
    return std::nullopt;
}

} // namespace FrontDoor
