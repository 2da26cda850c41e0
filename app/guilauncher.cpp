#include "guilauncher.h"

#include "mainwindow.h"
#include "profile/profileloader.h"
#include "store/backups.h"
#include "store/databaselocation.h"
#include "store/store.h"

#include <QApplication>
#include <QMessageBox>

namespace FrontDoor::GuiLauncher {

namespace {

int refuse(const QString &message)
{
    QMessageBox::critical(nullptr, QObject::tr("Front Door cannot start"), message);
    return 1;
}

// Until sign-in exists (issue 5), the window acts as the workstation's user.
Actor windowActor()
{
    return Actor{QStringLiteral("os:") + qEnvironmentVariable("USER", QStringLiteral("unknown"))};
}

} // namespace

int run(const Options &options)
{
    const QString path = options.databasePath.isEmpty() ? DatabaseLocation::defaultPath() : options.databasePath;
    const Result<Profile> profile =
        ProfileLoader::byId(options.profileId.isEmpty() ? ProfileLoader::defaultId() : options.profileId);
    if (!profile)
        return refuse(profile.errorMessage());
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store)
        return refuse(withBackupAdvice(store.error(), path, {}));

    // A daily backup at start when none was made in the last day, and one on every exit; the newest 7 are kept.
    const auto backUp = [&store]() {
        Store &s = **store;
        return Backups::make(s.database(), s.backupFolder(), s.clock().now(), windowActor());
    };
    if (Backups::isDue((*store)->backupFolder(), path, (*store)->clock().now()))
        static_cast<void>(backUp()); // a failure here is reported on exit, when it is retried

    MainWindow window(MainWindow::Context{path, profile->name});
    window.show();
    const int code = QApplication::exec();

    if (Result<Backups::Made> made = backUp(); !made)
        QMessageBox::warning(nullptr, QObject::tr("Front Door could not make its backup"), made.errorMessage());
    return code;
}

} // namespace FrontDoor::GuiLauncher
