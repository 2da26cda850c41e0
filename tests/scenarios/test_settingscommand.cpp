// Issue 9: settings IT deploys in the system-wide file are what `frontdoor` uses — the database and backup folders
// here — and `frontdoor settings` shows each value with the file it came from, and names a value it cannot use.

#include <catch2/catch.hpp>

#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace FrontDoorTest;

namespace {

// A machine of its own: the system-wide and user config folders and the data folder all under `dir`.
QMap<QString, QString> machineIn(const QTemporaryDir &dir)
{
    return {{QStringLiteral("XDG_CONFIG_DIRS"), dir.filePath(QStringLiteral("etc-xdg"))},
            {QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("home-config"))},
            {QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("home-data"))}};
}

QString deploy(const QTemporaryDir &dir, const QByteArray &conf)
{
    const QString file = dir.filePath(QStringLiteral("etc-xdg/FrontDoor/frontdoor.conf"));
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(conf);
    return file;
}

} // namespace

TEST_CASE("The database and backup folders IT deploys system-wide are where accounts and backups go")
{
    QTemporaryDir dir;
    const QString databaseFolder = dir.filePath(QStringLiteral("srv/frontdoor"));
    const QString backupFolder = dir.filePath(QStringLiteral("srv/frontdoor-backups"));
    const QString conf = deploy(dir, "[storage]\ndatabaseFolder=" + databaseFolder.toUtf8() + "\nbackupFolder="
                                         + backupFolder.toUtf8() + "\n[privacy]\nidleLockMinutes=3\n");
    const QMap<QString, QString> machine = machineIn(dir);

    Run added = runFrontDoor({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("admin"),
                              QStringLiteral("--name"), QStringLiteral("Ada Admin")},
                             "kettle on the windowsill\nkettle on the windowsill\n", machine);
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(QFileInfo::exists(databaseFolder + QStringLiteral("/frontdoor.sqlite")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("home-data/FrontDoor/frontdoor/frontdoor.sqlite"))));

    Run backup = runFrontDoor({QStringLiteral("backup"), QStringLiteral("--as"), QStringLiteral("admin")},
                              "kettle on the windowsill\n",
                              machine);
    INFO(backup.err.toStdString());
    REQUIRE(backup.exitCode == 0);
    CHECK(QDir(backupFolder).entryList({QStringLiteral("frontdoor-*.sqlite")}, QDir::Files).size() == 1);

    Run shown = runFrontDoor({QStringLiteral("settings")}, {}, machine);
    CHECK(shown.exitCode == 0);
    CHECK(shown.outText().contains(QStringLiteral("privacy/idleLockMinutes   3  (from %1)").arg(conf)));
    CHECK(shown.outText().contains(QStringLiteral("Database: %1/frontdoor.sqlite").arg(databaseFolder)));
    CHECK(shown.outText().contains(QStringLiteral("profile/default           norfolk-cads  (built in)")));
}

TEST_CASE("frontdoor settings names a deployed value it cannot use, with the file and the key, and exits 1")
{
    QTemporaryDir dir;
    const QString conf = deploy(dir, "[privacy]\nidleLockMinutes=90\n[profile]\ndefault=Norfolk CADS\n");
    Run shown = runFrontDoor({QStringLiteral("settings")}, {}, machineIn(dir));
    CHECK(shown.exitCode == 1);
    CHECK(shown.err.contains(conf + QStringLiteral(": privacy/idleLockMinutes is not used")));
    CHECK(shown.err.contains(conf + QStringLiteral(": profile/default is not used")));
    CHECK(shown.outText().contains(QStringLiteral("privacy/idleLockMinutes   5  (built in)")));

    // Every other command says so too, and still does its work.
    QTemporaryDir other;
    Run listed = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"),
                               other.filePath(QStringLiteral("none.sqlite"))},
                              {}, machineIn(dir));
    CHECK(listed.err.contains(QStringLiteral("frontdoor: warning: ") + conf + QStringLiteral(": privacy/idleLockMinutes")));
}
