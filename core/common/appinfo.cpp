#include "common/appinfo.h"

#include "common/version.h"

namespace FrontDoor::AppInfo {

QString version()
{
    return QStringLiteral(FRONTDOOR_VERSION);
}

QString applicationName()
{
    return QStringLiteral(FRONTDOOR_APP_NAME);
}

QString organizationName()
{
    return QStringLiteral("FrontDoor");
}

QString displayName()
{
    return QStringLiteral("Front Door");
}

} // namespace FrontDoor::AppInfo
