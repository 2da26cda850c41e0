// The Catch2 runner for tests that need no window: a QCoreApplication (Qt Sql's plugins want one) and a
// test-mode QStandardPaths so nothing touches the user's own data or settings.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true);
    // The audit anchors (AnchorLog::defaultFolder) of this run and of the programs it starts: never the user's own.
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdoor-tests"));
    return Catch::Session().run(argc, argv);
}
