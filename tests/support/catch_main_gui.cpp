// The Catch2 runner for widget tests. Catch2's discovery runs this binary while building, possibly without a
// display, so it picks the offscreen platform itself unless the caller chose one (toolchain.md, gotchas).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "accessiblecombobox.h"
#include "theme.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    // The audit anchors (AnchorLog::defaultFolder) of this run and of the programs it starts: never the user's own.
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdoor-tests"));
    FrontDoor::Theme::apply(app); // tests drive what a call-handler sees, style sheet included
    FrontDoor::AccessibleComboBox::install(); // and hear what a screen reader reads
    return Catch::Session().run(argc, argv);
}
