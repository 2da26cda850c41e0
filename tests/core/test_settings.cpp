// Issue 9: the settings an IT department deploys — a system-wide file and the user's own — read with each value
// checked, the user's file winning except that a user may only shorten the idle lock IT requires.
#include <catch2/catch.hpp>

#include "common/datafolders.h"
#include "common/deployedsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace FrontDoor;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

} // namespace

TEST_CASE("With no settings files, the built-in defaults and no problems")
{
    QTemporaryDir dir;
    const DeployedSettings settings = DeployedSettings::read(dir.filePath(QStringLiteral("none.conf")), {});
    CHECK(settings.defaultProfile.isEmpty());
    CHECK(settings.idleLockMinutes == 5);
    CHECK(settings.databaseFolder.isEmpty());
    CHECK(settings.backupFolder.isEmpty());
    CHECK(settings.problems.isEmpty());
    CHECK(settings.sources.isEmpty());
}

TEST_CASE("IT's system-wide file sets the profile, the idle lock and the folders, and the user's file wins")
{
    QTemporaryDir dir;
    const QString system = writeFile(dir, QStringLiteral("etc/FrontDoor/frontdoor.conf"),
                                     "[profile]\ndefault=lincolnshire-csc\n[privacy]\nidleLockMinutes=10\n"
                                     "[storage]\ndatabaseFolder=/srv/frontdoor\nbackupFolder=/srv/frontdoor-backups/\n");
    const QString absent = dir.filePath(QStringLiteral("user/none.conf"));

    const DeployedSettings deployed = DeployedSettings::read(absent, {dir.filePath(QStringLiteral("nothere.conf")), system});
    CHECK(deployed.defaultProfile == QStringLiteral("lincolnshire-csc"));
    CHECK(deployed.idleLockMinutes == 10);
    CHECK(deployed.databaseFolder == QStringLiteral("/srv/frontdoor"));
    CHECK(deployed.backupFolder == QStringLiteral("/srv/frontdoor-backups")); // cleaned
    CHECK(deployed.sources.value(QStringLiteral("privacy/idleLockMinutes")) == system);
    CHECK(deployed.problems.isEmpty());

    const QString user = writeFile(dir, QStringLiteral("user/frontdoor.conf"),
                                   "[profile]\ndefault=norfolk-cads\n[privacy]\nidleLockMinutes=3\n");
    const DeployedSettings mine = DeployedSettings::read(user, {system});
    CHECK(mine.defaultProfile == QStringLiteral("norfolk-cads"));
    CHECK(mine.sources.value(QStringLiteral("profile/default")) == user);
    CHECK(mine.idleLockMinutes == 3);                             // shorter than IT's: allowed
    CHECK(mine.databaseFolder == QStringLiteral("/srv/frontdoor")); // not set by the user: IT's
    CHECK(mine.problems.isEmpty());
}

TEST_CASE("A user cannot lengthen the idle lock IT requires: IT's value is used and the reason is given")
{
    QTemporaryDir dir;
    const QString system = writeFile(dir, QStringLiteral("system.conf"), "[privacy]\nidleLockMinutes=5\n");
    const QString user = writeFile(dir, QStringLiteral("user.conf"), "[privacy]\nidleLockMinutes=30\n");
    const DeployedSettings settings = DeployedSettings::read(user, {system});
    CHECK(settings.idleLockMinutes == 5);
    CHECK(settings.sources.value(QStringLiteral("privacy/idleLockMinutes")) == system);
    REQUIRE(settings.problems.size() == 1);
    CHECK(settings.problems.first().contains(QStringLiteral("longer than the 5 minutes")));

    // Without a system-wide value, the user's own choice within 1–30 stands.
    CHECK(DeployedSettings::read(user, {}).idleLockMinutes == 30);
}

TEST_CASE("A value that cannot be used is named with its file and key, and the default is kept")
{
    QTemporaryDir dir;
    const QString system = writeFile(dir, QStringLiteral("system.conf"),
                                     "[profile]\ndefault=../../etc/passwd\n[privacy]\nidleLockMinutes=ten\n"
                                     "[storage]\ndatabaseFolder=relative/folder\nbackupFolder=\n");
    const DeployedSettings settings = DeployedSettings::read({}, {system});
    CHECK(settings.defaultProfile.isEmpty());
    CHECK(settings.idleLockMinutes == 5);
    CHECK(settings.databaseFolder.isEmpty());
    CHECK(settings.backupFolder.isEmpty());
    REQUIRE(settings.problems.size() == 4);
    for (const QString &problem : settings.problems)
        CHECK(problem.startsWith(system + QStringLiteral(": ")));
    CHECK(settings.problems.join(u'\n').contains(QStringLiteral("privacy/idleLockMinutes is not used")));
    CHECK(settings.problems.join(u'\n').contains(QStringLiteral("absolute path")));

    const QString tooLong = writeFile(dir, QStringLiteral("long.conf"), "[privacy]\nidleLockMinutes=45\n");
    CHECK(DeployedSettings::read(tooLong, {}).idleLockMinutes == 5);
    CHECK(DeployedSettings::read(tooLong, {}).problems.size() == 1);
}

TEST_CASE("Data files are found in the user's folder first, then the system's, then the package's own")
{
    const QStringList order = DataFolders::searchOrder();
    REQUIRE(order.size() >= 2);
    CHECK(order.first() == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    CHECK(order.last() == DataFolders::packageFolder());
    CHECK(DataFolders::packageFolder().endsWith(QStringLiteral("/share/frontdoor")));

    const QString relative = QStringLiteral("calendar/test-only-%1.json").arg(QCoreApplication::applicationPid());
    CHECK(DataFolders::locate(relative).isEmpty());
    const QString mine = QDir(order.first()).filePath(relative);
    QDir().mkpath(QFileInfo(mine).absolutePath());
    QFile file(mine);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.close();
    CHECK(DataFolders::locate(relative) == QFileInfo(mine).absoluteFilePath());
    QFile::remove(mine);
}
