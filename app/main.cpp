#include "access/processhardening.h"
#include "accessiblecombobox.h"
#include "commandline.h"
#include "commands.h"
#include "common/appinfo.h"
#include "guilauncher.h"
#include "theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <memory>

using namespace FrontDoor;

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(AppInfo::applicationName());
    QCoreApplication::setOrganizationName(AppInfo::organizationName());
    QCoreApplication::setApplicationVersion(AppInfo::version());
}

QStringList rawArguments(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything of a referral can be in memory: a crash must never leave it in a core file.
    if (Status hardened = ProcessHardening::disableCoreDumps(); !hardened) {
        QTextStream(stderr) << "frontdoor: " << hardened.errorMessage() << " Refusing to start.\n";
        return 2;
    }
    // Only the window needs a display: the sub-commands and --help/--version run on a headless machine too.
    if (CommandLine::wantsWindow(rawArguments(argc, argv))) {
        QApplication app(argc, argv);
        describeApplication();
        QApplication::setApplicationDisplayName(AppInfo::displayName());
        Theme::apply(app);
        AccessibleComboBox::install();
        const Result<Options> options = CommandLine::parse(QCoreApplication::arguments());
        if (!options) {
            QTextStream(stderr) << options.errorMessage() << '\n';
            return 2;
        }
        return GuiLauncher::run(*options);
    }

    // Laying a PDF out needs fonts, so `export` runs with Qt Gui — on no screen at all.
    const bool exporting = rawArguments(argc, argv).contains(QStringLiteral("export"));
    if (exporting && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        exporting ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    describeApplication();
    const Result<Options> options = CommandLine::parse(QCoreApplication::arguments());
    if (!options) {
        QTextStream(stderr) << options.errorMessage() << '\n';
        return 2;
    }
    return Commands::run(*options);
}
