// The encrypting VFS (issue 20) under SQLite itself: what reaches the disk, and what a damaged, moved or foreign page
// does. Real files in a temporary folder; invented words only.
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/auditverifier.h"
#include "store/backups.h"
#include "store/database.h"
#include "store/databaseencryption.h"
#include "store/keyring.h"
#include "store/referralqueries.h"
#include "store/sealedvfs.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QByteArray canary = QByteArrayLiteral("Canary-Zephyrine-Quillworth");

struct Connection
{
    sqlite3 *db = nullptr;
    ~Connection() { sqlite3_close(db); }
    int exec(const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
};

int openSealed(Connection &c, const QString &path, const QString &token)
{
    const QByteArray uri = SealedVfs::uri(path, token).toUtf8();
    return sqlite3_open_v2(
        uri.constData(), &c.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr);
}

// A new sealed database: reserved bytes for the seal before the first page, WAL, temporary data in memory.
void create(Connection &c, const QString &path, const QString &token, int rows)
{
    REQUIRE(openSealed(c, path, token) == SQLITE_OK);
    int reserve = SealedVfs::reservedBytes;
    REQUIRE(sqlite3_file_control(c.db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK);
    REQUIRE(c.exec("PRAGMA temp_store = MEMORY") == SQLITE_OK);
    // WAL is switched on through an in-memory journal: the VFS opens no rollback journal (it would hold pages).
    REQUIRE(c.exec("PRAGMA journal_mode = MEMORY") == SQLITE_OK);
    REQUIRE(c.exec("PRAGMA journal_mode = WAL") == SQLITE_OK);
    INFO(c.error().toStdString());
    REQUIRE(c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX t_name ON t (name)") == SQLITE_OK);
    sqlite3_stmt *insert = nullptr;
    REQUIRE(sqlite3_prepare_v2(c.db, "INSERT INTO t (name) VALUES (?)", -1, &insert, nullptr) == SQLITE_OK);
    for (int i = 0; i < rows; ++i) {
        const QByteArray name = canary + '-' + QByteArray::number(i) + QByteArray(200, 'x');
        sqlite3_bind_text(insert, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
}

bool holdsCanary(const QByteArray &bytes)
{
    return bytes.contains(canary) || bytes.contains(QByteArrayLiteral("Zephyrine"));
}

// Reads every page: the table without its index, then the index.
qint64 countRows(Connection &c, int *rc)
{
    qint64 n = -1;
    for (const char *sql : {"SELECT count(*), sum(length(name)) FROM t NOT INDEXED",
                            "SELECT count(*) FROM t INDEXED BY t_name WHERE name >= ''"}) {
        sqlite3_stmt *count = nullptr;
        *rc = sqlite3_prepare_v2(c.db, sql, -1, &count, nullptr);
        if (*rc != SQLITE_OK)
            return -1;
        *rc = sqlite3_step(count);
        const qint64 found = *rc == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
        sqlite3_finalize(count);
        if (*rc != SQLITE_ROW || (n >= 0 && found != n))
            return -1;
        *rc = SQLITE_OK;
        n = found;
    }
    return n;
}

} // namespace

TEST_CASE("A sealed database keeps no row in the clear, in the file or its WAL, and reads back whole")
{
    REQUIRE(SealedVfs::ensureRegistered());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sealed.sqlite"));
    auto key = SealingKey::generate(SealingKey::newFileId());
    REQUIRE(key);
    SealedVfs::Attachment attached(key);
    {
        Connection c;
        create(c, path, attached.token(), 500);
        // Mid-session, before any checkpoint: the WAL holds the pages, sealed too.
        CHECK(QFile::exists(path + QStringLiteral("-wal")));
        CHECK_FALSE(holdsCanary(fileBytes(path + QStringLiteral("-wal"))));
        CHECK_FALSE(holdsCanary(fileBytes(path + QStringLiteral("-shm"))));
        REQUIRE(c.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
        int rc = 0;
        CHECK(countRows(c, &rc) == 500);
    }
    const QByteArray file = fileBytes(path);
    CHECK(file.startsWith(QByteArrayLiteral("SQLite format 3")));
    CHECK(SealedVfs::headerSaysSealed(file.left(100)));
    CHECK_FALSE(holdsCanary(file));
    CHECK_FALSE(file.contains(QByteArrayLiteral("CREATE TABLE"))); // the schema is sealed too

    Connection again;
    REQUIRE(openSealed(again, path, attached.token()) == SQLITE_OK);
    int rc = 0;
    CHECK(countRows(again, &rc) == 500);
    char *check = nullptr;
    sqlite3_stmt *integrity = nullptr;
    REQUIRE(sqlite3_prepare_v2(again.db, "PRAGMA integrity_check", -1, &integrity, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(integrity) == SQLITE_ROW);
    CHECK(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(integrity, 0))) == "ok");
    sqlite3_finalize(integrity);
    sqlite3_free(check);

    SECTION("the control: the same rows through SQLite's own VFS are there to read")
    {
        const QString plain = dir.filePath(QStringLiteral("plain.sqlite"));
        Connection p;
        REQUIRE(sqlite3_open(plain.toUtf8().constData(), &p.db) == SQLITE_OK);
        REQUIRE(p.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)") == SQLITE_OK);
        REQUIRE(p.exec(QByteArray("INSERT INTO t (name) VALUES ('" + canary + "')").constData()) == SQLITE_OK);
        CHECK(holdsCanary(fileBytes(plain)));
    }
}

TEST_CASE("A flipped byte in a sealed page or WAL frame is damage, a moved or foreign page is refused, a wrong key "
          "opens nothing")
{
    REQUIRE(SealedVfs::ensureRegistered());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sealed.sqlite"));
    auto key = SealingKey::generate(SealingKey::newFileId());
    SealedVfs::Attachment attached(key);
    {
        Connection c;
        create(c, path, attached.token(), 300);
        REQUIRE(c.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
    }
    const QByteArray original = fileBytes(path);
    const int pageSize = ((uchar(original.at(16)) << 8) | uchar(original.at(17)));
    REQUIRE(original.size() >= 6 * pageSize);
    const auto rewrite = [&](const QByteArray &bytes) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        REQUIRE(f.write(bytes) == bytes.size());
    };
    const auto readAll = [&](const QString &token) {
        Connection c;
        if (openSealed(c, path, token) != SQLITE_OK)
            return sqlite3_errcode(c.db);
        int rc = 0;
        countRows(c, &rc);
        return rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode(c.db);
    };
    REQUIRE(readAll(attached.token()) == SQLITE_OK);

    SECTION("one bit flipped in the middle of page 4")
    {
        QByteArray damaged = original;
        damaged[3 * pageSize + pageSize / 2] = char(damaged.at(3 * pageSize + pageSize / 2) ^ 0x01);
        rewrite(damaged);
        CHECK(readAll(attached.token()) == SQLITE_IOERR_DATA);
    }
    SECTION("one bit flipped in a page's seal (its nonce)")
    {
        QByteArray damaged = original;
        damaged[5 * pageSize - 30] = char(damaged.at(5 * pageSize - 30) ^ 0x80);
        rewrite(damaged);
        CHECK(readAll(attached.token()) == SQLITE_IOERR_DATA);
    }
    SECTION("two pages swapped")
    {
        QByteArray moved = original;
        moved.replace(2 * pageSize, pageSize, original.mid(3 * pageSize, pageSize));
        moved.replace(3 * pageSize, pageSize, original.mid(2 * pageSize, pageSize));
        rewrite(moved);
        CHECK(readAll(attached.token()) == SQLITE_IOERR_DATA);
    }
    SECTION("a page from another file sealed under the same key")
    {
        const QString otherPath = dir.filePath(QStringLiteral("other.sqlite"));
        SealedVfs::Attachment other(key->forFile(SealingKey::newFileId()));
        {
            Connection c;
            create(c, otherPath, other.token(), 300);
            REQUIRE(c.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
        }
        QByteArray foreign = original;
        foreign.replace(2 * pageSize, pageSize, fileBytes(otherPath).mid(2 * pageSize, pageSize));
        rewrite(foreign);
        CHECK(readAll(attached.token()) == SQLITE_IOERR_DATA);
    }
    SECTION("another key")
    {
        SealedVfs::Attachment wrong(SealingKey::generate(key->fileId()));
        CHECK(readAll(wrong.token()) != SQLITE_OK);
        CHECK(fileBytes(path) == original); // and nothing was written
    }
    SECTION("no key at all")
    {
        CHECK(readAll(QStringLiteral("not-attached")) != SQLITE_OK);
    }
    SECTION("a flipped byte in a WAL frame's page")
    {
        {
            Connection c;
            REQUIRE(openSealed(c, path, attached.token()) == SQLITE_OK);
            REQUIRE(c.exec("PRAGMA wal_autocheckpoint = 0") == SQLITE_OK);
            REQUIRE(c.exec("UPDATE t SET name = name || 'y' WHERE id < 50") == SQLITE_OK);
            sqlite3_db_config(c.db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        }
        QByteArray wal = fileBytes(path + QStringLiteral("-wal"));
        REQUIRE(wal.size() > 32 + 24 + pageSize);
        const int inFirstPage = 32 + 24 + pageSize / 2;
        wal[inFirstPage] = char(wal.at(inFirstPage) ^ 0x04);
        QFile f(path + QStringLiteral("-wal"));
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        REQUIRE(f.write(wal) == wal.size());
        f.close();
        CHECK(readAll(attached.token()) == SQLITE_IOERR_DATA);
    }
}

TEST_CASE("A sealed database refuses what would write rows in the clear: a rollback journal, a copy by VACUUM INTO")
{
    REQUIRE(SealedVfs::ensureRegistered());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sealed.sqlite"));
    SealedVfs::Attachment attached(SealingKey::generate(SealingKey::newFileId()));
    {
        Connection made;
        create(made, path, attached.token(), 20);
    }
    Connection c;
    REQUIRE(openSealed(c, path, attached.token()) == SQLITE_OK);
    const QByteArray into = "VACUUM INTO '" + dir.filePath(QStringLiteral("copy.sqlite")).toUtf8() + "'";
    CHECK(c.exec(into.constData()) != SQLITE_OK);
    CHECK_FALSE(holdsCanary(fileBytes(dir.filePath(QStringLiteral("copy.sqlite")))));
    // Leaving WAL would need a rollback journal on the disk: refused, and the database goes on in WAL, sealed.
    CHECK(c.exec("PRAGMA journal_mode = DELETE") == SQLITE_CANTOPEN);
    CHECK(c.exec("INSERT INTO t (name) VALUES ('Canary-Zephyrine-late')") == SQLITE_OK);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-journal")));
    CHECK_FALSE(holdsCanary(fileBytes(path + QStringLiteral("-wal"))));
    CHECK_FALSE(holdsCanary(fileBytes(path)));
}

TEST_CASE("The header's 100 clear bytes, each changed in turn: the rows come back whole or not at all, never wrong "
          "and never in the clear",
          "[issue20]")
{
    REQUIRE(SealedVfs::ensureRegistered());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sealed.sqlite"));
    auto key = SealingKey::generate(SealingKey::newFileId());
    SealedVfs::Attachment attached(key);
    qint64 expectedLength = 0;
    {
        Connection c;
        create(c, path, attached.token(), 120);
        REQUIRE(c.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    for (int i = 0; i < 120; ++i)
        expectedLength += canary.size() + 1 + QByteArray::number(i).size() + 200;
    const QByteArray original = fileBytes(path);
    int wholeReads = 0;
    int refused = 0;
    for (int at = 0; at < 100; ++at) {
        QByteArray tampered = original;
        tampered[at] = char(tampered.at(at) ^ 0x5a);
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            REQUIRE(f.write(tampered) == tampered.size());
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        INFO("header byte " << at);
        Connection c;
        if (openSealed(c, path, attached.token()) != SQLITE_OK) {
            ++refused;
            continue;
        }
        sqlite3_stmt *read = nullptr;
        if (sqlite3_prepare_v2(c.db, "SELECT count(*), sum(length(name)) FROM t NOT INDEXED", -1, &read, nullptr)
                != SQLITE_OK
            || sqlite3_step(read) != SQLITE_ROW) {
            sqlite3_finalize(read);
            ++refused;
            continue;
        }
        // Whatever SQLite made of the header, what it read is the rows as written, or it read nothing.
        CHECK(sqlite3_column_int64(read, 0) == 120);
        CHECK(sqlite3_column_int64(read, 1) == expectedLength);
        sqlite3_finalize(read);
        ++wholeReads;
    }
    CHECK(wholeReads + refused == 100);
    CHECK(refused > 0); // the page size, the reserved bytes, the magic: changing them stops every read
    CHECK_FALSE(holdsCanary(fileBytes(path))); // and no attempt wrote a row back in the clear
}

TEST_CASE("A stowed key (the screen locked) refuses every read and write, takes back only the same key, then works "
          "as before",
          "[issue20]")
{
    REQUIRE(SealedVfs::ensureRegistered());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stowed.sqlite"));
    const std::shared_ptr<SealingKey> key = SealingKey::generate(SealingKey::newFileId());
    REQUIRE(key);
    // The same key as the person's password would unwrap it again from the key file: a copy of its own.
    const std::shared_ptr<SealingKey> unwrappedAgain = key->forFile(key->fileId());
    SealedVfs::Attachment attached(key);
    Connection c;
    create(c, path, attached.token(), 50);
    int rc = SQLITE_OK;
    REQUIRE(countRows(c, &rc) == 50);

    REQUIRE(key->stow());
    CHECK(key->isStowed());
    sqlite3_db_release_memory(c.db); // as Database::wipeKey does: nothing left to answer from the cache
    CHECK(countRows(c, &rc) == -1);
    CHECK(rc == SQLITE_IOERR);
    CHECK(sqlite3_extended_errcode(c.db) == SQLITE_IOERR_AUTH); // the VFS refusing, not damage
    CHECK(c.exec("INSERT INTO t (name) VALUES ('written while locked')") != SQLITE_OK);

    // Another key, the same bytes under another file id, or the stowed key itself: not taken back.
    CHECK_FALSE(key->restore(*SealingKey::generate(key->fileId())));
    CHECK_FALSE(key->restore(*unwrappedAgain->forFile(SealingKey::newFileId())));
    CHECK_FALSE(key->restore(*key));
    CHECK(key->isStowed());
    CHECK(countRows(c, &rc) == -1);

    REQUIRE(key->restore(*unwrappedAgain));
    CHECK_FALSE(key->isStowed());
    CHECK(countRows(c, &rc) == 50);
    REQUIRE(c.exec("INSERT INTO t (name) VALUES ('after the unlock')") == SQLITE_OK);
    CHECK(countRows(c, &rc) == 51);
}
