#include <catch2/catch.hpp>

#include "common/appinfo.h"

using namespace FrontDoor;

TEST_CASE("The version comes from the CMake project version")
{
    CHECK(AppInfo::version() == QStringLiteral(FRONTDOOR_EXPECTED_VERSION));
    CHECK(AppInfo::applicationName() == QStringLiteral("frontdoor"));
}
