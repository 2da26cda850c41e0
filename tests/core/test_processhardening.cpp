#include <catch2/catch.hpp>

#include "access/processhardening.h"

using namespace FrontDoor;

TEST_CASE("Core dumps are switched off for the process, so a crash leaves no copy of a record on disk")
{
    REQUIRE(ProcessHardening::disableCoreDumps());
    CHECK(ProcessHardening::coreDumpsDisabled());
}
