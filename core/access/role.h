#pragma once

#include <QString>

#include <optional>

namespace FrontDoor {

// What a person does at the front door (issue 5). The operation × role table lives in core/access.
enum class Role { CallHandler, Supervisor, Administrator };

QString roleName(Role role);                            // "callHandler" — as stored
QString roleDisplayName(Role role);                     // "Call-handler" — as shown
std::optional<Role> roleFromName(const QString &name);

} // namespace FrontDoor
