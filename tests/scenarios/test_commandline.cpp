#include <catch2/catch.hpp>

#include "support/testsupport.h"


using FrontDoorTest::runFrontDoor;
using FrontDoorTest::Run;

TEST_CASE("frontdoor --version prints the project version without a display")
{
    const Run run = runFrontDoor({QStringLiteral("--version")});
    CHECK(run.exitCode == 0);
    CHECK(run.outText().trimmed() == QStringLiteral("frontdoor " FRONTDOOR_TEST_EXPECTED_VERSION));
}

TEST_CASE("frontdoor --help lists the options")
{
    const Run run = runFrontDoor({QStringLiteral("--help")});
    CHECK(run.exitCode == 0);
    CHECK(run.outText().contains(QStringLiteral("--db <PATH>")));
    CHECK(run.outText().contains(QStringLiteral("--profile <ID>")));
}

TEST_CASE("An unknown command is refused with a message and exit code 2")
{
    const Run run = runFrontDoor({QStringLiteral("frobnicate")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("Unknown command \"frobnicate\"")));
}
