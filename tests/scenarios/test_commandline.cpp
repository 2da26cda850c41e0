#include <catch2/catch.hpp>

#include "support/testsupport.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runFrontDoor(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the command line must not need a display
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(FrontDoorTest::executable(), arguments);
    process.waitForFinished(30000);
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

TEST_CASE("frontdoor --version prints the project version without a display")
{
    const Run run = runFrontDoor({QStringLiteral("--version")});
    CHECK(run.exitCode == 0);
    CHECK(run.out.trimmed() == QStringLiteral("frontdoor " FRONTDOOR_TEST_EXPECTED_VERSION));
}

TEST_CASE("frontdoor --help lists the options")
{
    const Run run = runFrontDoor({QStringLiteral("--help")});
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("--db <PATH>")));
    CHECK(run.out.contains(QStringLiteral("--profile <ID>")));
}

TEST_CASE("An unknown command is refused with a message and exit code 2")
{
    const Run run = runFrontDoor({QStringLiteral("frobnicate")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("Unknown command \"frobnicate\"")));
}
