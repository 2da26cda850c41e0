#pragma once

#include <QString>

namespace FrontDoor::AppInfo {

// The version as set by CMake's project() — the single source for --version, the package and the About box.
QString version();
QString applicationName();
QString organizationName();
QString displayName();

} // namespace FrontDoor::AppInfo
