#include "guilauncher.h"

#include "mainwindow.h"
#include "profile/profileloader.h"
#include "store/databaselocation.h"

#include <QApplication>
#include <QMessageBox>

namespace FrontDoor::GuiLauncher {

int run(const Options &options)
{
    const QString requested = options.databasePath.isEmpty() ? DatabaseLocation::defaultPath()
                                                             : options.databasePath;
    const Result<QString> database = DatabaseLocation::prepare(requested);
    if (!database) {
        QMessageBox::critical(nullptr, QObject::tr("Front Door cannot start"), database.errorMessage());
        return 1;
    }

    const Result<Profile> profile =
        ProfileLoader::byId(options.profileId.isEmpty() ? ProfileLoader::defaultId() : options.profileId);
    if (!profile) {
        QMessageBox::critical(nullptr, QObject::tr("Front Door cannot start"), profile.errorMessage());
        return 1;
    }

    MainWindow window(MainWindow::Context{*database, profile->name});
    window.show();
    return QApplication::exec();
}

} // namespace FrontDoor::GuiLauncher
