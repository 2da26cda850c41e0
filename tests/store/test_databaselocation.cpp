#include <catch2/catch.hpp>

#include "store/databaselocation.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace FrontDoor;

TEST_CASE("A new database file and its folder are created owner-only")
{
    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    const QString path = temp.filePath(QStringLiteral("nested/deeper/frontdoor.sqlite"));

    const Result<QString> prepared = DatabaseLocation::prepare(path);
    REQUIRE(prepared.ok());
    CHECK(QFileInfo(*prepared).isFile());

    const auto filePermissions = QFile::permissions(*prepared);
    CHECK(filePermissions.testFlag(QFileDevice::ReadOwner));
    CHECK(filePermissions.testFlag(QFileDevice::WriteOwner));
    CHECK_FALSE(filePermissions.testFlag(QFileDevice::ReadGroup));
    CHECK_FALSE(filePermissions.testFlag(QFileDevice::ReadOther));

    const auto folderPermissions = QFile::permissions(QFileInfo(*prepared).absolutePath());
    CHECK(folderPermissions.testFlag(QFileDevice::ExeOwner));
    CHECK_FALSE(folderPermissions.testFlag(QFileDevice::ReadGroup));
    CHECK_FALSE(folderPermissions.testFlag(QFileDevice::ExeOther));
}

TEST_CASE("An existing database file is never truncated")
{
    QTemporaryDir temp;
    const QString path = temp.filePath(QStringLiteral("frontdoor.sqlite"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("existing bytes");
    }
    REQUIRE(DatabaseLocation::prepare(path).ok());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == QByteArray("existing bytes"));
}

TEST_CASE("An impossible database location gives a message naming it")
{
    QTemporaryDir temp;
    // A folder cannot be made beneath a regular file — this fails even for root, unlike permission tests.
    const QString blocker = temp.filePath(QStringLiteral("a-file"));
    {
        QFile file(blocker);
        REQUIRE(file.open(QIODevice::WriteOnly));
    }
    const Result<QString> prepared = DatabaseLocation::prepare(blocker + QStringLiteral("/sub/frontdoor.sqlite"));
    REQUIRE_FALSE(prepared.ok());
    CHECK(prepared.error().code == ErrorCode::IoError);
    CHECK(prepared.errorMessage().contains(blocker));

    const Result<QString> folder = DatabaseLocation::prepare(temp.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.errorMessage().contains(QStringLiteral("is a folder")));

    CHECK_FALSE(DatabaseLocation::prepare(QStringLiteral("  ")).ok());
}

TEST_CASE("The default database lives under the application data folder")
{
    const QString path = DatabaseLocation::defaultPath();
    CHECK(path.endsWith(QStringLiteral("frontdoor.sqlite")));
    CHECK(QFileInfo(path).isAbsolute());
}

TEST_CASE("Issue 17: an empty file at the database path is refused like any damaged file, never initialised")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frontdoor.sqlite"));
    {
        QFile empty(path);
        REQUIRE(empty.open(QIODevice::WriteOnly));
    }
    const Result<std::unique_ptr<Store>> opened = Store::open(path);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(opened.errorMessage().contains(QStringLiteral("empty file")));
    CHECK(QFileInfo(path).size() == 0); // untouched
    // A path with nothing at it still makes a new database.
    CHECK(Store::open(dir.filePath(QStringLiteral("new.sqlite"))));
}

TEST_CASE("Issue 17: every folder the program creates is its owner's alone, whatever the umask")
{
    QTemporaryDir dir;
    const mode_t before = umask(022);
    const QString path = dir.filePath(QStringLiteral("outer/inner/frontdoor.sqlite"));
    const Result<std::unique_ptr<Store>> opened = Store::open(path);
    umask(before);
    REQUIRE(opened);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                           | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    CHECK(QFileInfo(dir.filePath(QStringLiteral("outer"))).permissions() == ownerOnly);
    CHECK(QFileInfo(dir.filePath(QStringLiteral("outer/inner"))).permissions() == ownerOnly);
}
