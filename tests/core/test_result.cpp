#include <catch2/catch.hpp>

#include "common/result.h"

using namespace FrontDoor;

namespace {
Result<int> parsePositive(int value)
{
    if (value <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("must be positive"));
    return value;
}
} // namespace

TEST_CASE("Result holds either a value or an error with a message")
{
    const Result<int> good = parsePositive(3);
    REQUIRE(good.ok());
    CHECK(*good == 3);
    CHECK(good.errorMessage().isEmpty());

    const Result<int> bad = parsePositive(-1);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    CHECK(bad.errorMessage() == QStringLiteral("must be positive"));
}

TEST_CASE("Status reports success or the failure's error")
{
    const Status fine;
    CHECK(fine.ok());
    const Status failed = makeError(ErrorCode::IoError, QStringLiteral("disk full"));
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::IoError);
}
