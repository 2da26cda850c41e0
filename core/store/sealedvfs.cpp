#include "store/sealedvfs.h"

#include "store/sealedfile.h"
#include "store/sealedjournal.h"

#include <QHash>
#include <QMutex>
#include <QUrl>
#include <QUuid>

#include <sodium.h>
#include <sqlite3.h>

#include <cstring>
#include <vector>

// The encrypting VFS (issue 20), a shim over the system SQLite's own VFS in the manner of SQLite's cksumvfs.
//
// Construction. Each database file has one random 256-bit key and a 128-bit file id. Every page SQLite writes —
// to the database file, or as a frame's page in its WAL — is sealed with XChaCha20-Poly1305 (libsodium's IETF AEAD)
// before it reaches the disk: a fresh random 192-bit nonce per write, the nonce and the 128-bit tag kept in the
// page's last 40 bytes (SQLite's "reserved bytes", which it never uses itself), and as associated data a version
// label, the file id and the page number. Reading a page opens the seal first; one that does not open is reported as
// damage (SQLITE_IOERR_DATA), never handed to SQLite as data.
//
// What it protects. The contents of every page: rows, indexes, the search index, the audit trail, the schema — in
// the database, in its WAL, in every backup (each its own file id). A flipped bit anywhere in a sealed region, a page
// swapped for an older copy of another page, a page moved to another position or copied from another file (even one
// sealed under the same key) is refused: the tag covers the page and its place.
//
// What it does not. The first 100 bytes of the database file stay in the clear (SQLite reads them before any page
// to learn the page size; they hold sizes and counters, no row data), as do the WAL's 32-byte header and each frame's
// 24-byte header (page number, salts, checksums), and the -shm index (frame numbers). The file's size and how it
// grows, which pages change when, are visible. A page replaced by an older sealed copy of the same page in the same
// file (a rollback) is not detected by the seal itself: the audit chain and its anchor log catch what that would
// change. Nothing here protects a key in the memory of a running, signed-in program; while its screen is locked the
// key is wiped (SealingKey::stow) and every read and write refused, but what was on screen, and pages SQLite had
// cached or freed, stay in the program's memory until it exits. Temporary data never reaches a
// file: a sealed database runs with temp_store = MEMORY, and this VFS refuses to open a temporary file. A rollback
// journal is refused too — a sealed database runs in WAL mode — except for a file being built (empty when opened:
// a copy by VACUUM INTO, a backup, a new database switching to WAL), whose journal is kept in memory.
namespace FrontDoor {

namespace {

using namespace SealedFiles;
using SealedJournal::MemoryJournal;

struct Registry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<const SealingKey>> keys;
};
Registry &registry()
{
    static Registry r;
    return r;
}

sqlite3_vfs *realVfs = nullptr;

static_assert(sizeof(MemoryJournal) <= sizeof(SealedFile));

// --- the io methods ----------------------------------------------------------------------------------------------

int xClose(sqlite3_file *file)
{
    SealedFile *f = sealed(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->key;
    f->key = nullptr;
    return rc;
}
int xRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    SealedFile *f = sealed(file);
    if ((*f->key)->isStowed())
        return SQLITE_IOERR_AUTH; // the screen is locked and the key put away: nothing is read, sealed or not
    return f->kind == Kind::Database ? readDatabase(f, static_cast<unsigned char *>(out), amount, offset)
                                     : readWal(f, static_cast<unsigned char *>(out), amount, offset);
}
int xWrite(sqlite3_file *file, const void *in, int amount, sqlite3_int64 offset)
{
    SealedFile *f = sealed(file);
    if ((*f->key)->isStowed())
        return SQLITE_IOERR_AUTH;
    return f->kind == Kind::Database ? writeDatabase(f, static_cast<const unsigned char *>(in), amount, offset)
                                     : writeWal(f, static_cast<const unsigned char *>(in), amount, offset);
}
int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    return sealed(file)->real->pMethods->xTruncate(sealed(file)->real, size);
}
int xSync(sqlite3_file *file, int flags)
{
    return sealed(file)->real->pMethods->xSync(sealed(file)->real, flags);
}
int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return sealed(file)->real->pMethods->xFileSize(sealed(file)->real, size);
}
int xLock(sqlite3_file *file, int lock)
{
    return sealed(file)->real->pMethods->xLock(sealed(file)->real, lock);
}
int xUnlock(sqlite3_file *file, int lock)
{
    return sealed(file)->real->pMethods->xUnlock(sealed(file)->real, lock);
}
int xCheckReservedLock(sqlite3_file *file, int *out)
{
    return sealed(file)->real->pMethods->xCheckReservedLock(sealed(file)->real, out);
}
int xFileControl(sqlite3_file *file, int op, void *arg)
{
    SealedFile *f = sealed(file);
    if (op == SQLITE_FCNTL_MMAP_SIZE) { // memory-mapped reads would bypass the seal
        if (arg)
            *static_cast<sqlite3_int64 *>(arg) = 0;
        return SQLITE_OK;
    }
    if (op == SQLITE_FCNTL_VFSNAME) {
        if (arg)
            *static_cast<char **>(arg) = sqlite3_mprintf("%s", SealedVfs::name);
        return SQLITE_OK;
    }
    return f->real->pMethods->xFileControl(f->real, op, arg);
}
int xSectorSize(sqlite3_file *file)
{
    return sealed(file)->real->pMethods->xSectorSize(sealed(file)->real);
}
int xDeviceCharacteristics(sqlite3_file *file)
{
    return sealed(file)->real->pMethods->xDeviceCharacteristics(sealed(file)->real);
}
int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    return sealed(file)->real->pMethods->xShmMap(sealed(file)->real, region, size, extend, out);
}
int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return sealed(file)->real->pMethods->xShmLock(sealed(file)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file *file)
{
    sealed(file)->real->pMethods->xShmBarrier(sealed(file)->real);
}
int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return sealed(file)->real->pMethods->xShmUnmap(sealed(file)->real, deleteFlag);
}
int xFetch(sqlite3_file *, sqlite3_int64, int, void **out)
{
    *out = nullptr; // no memory-mapped pages: every read comes through xRead and its seal
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file *, sqlite3_int64, void *)
{
    return SQLITE_OK;
}

const sqlite3_io_methods ioMethods = {3,
                                      xClose,
                                      xRead,
                                      xWrite,
                                      xTruncate,
                                      xSync,
                                      xFileSize,
                                      xLock,
                                      xUnlock,
                                      xCheckReservedLock,
                                      xFileControl,
                                      xSectorSize,
                                      xDeviceCharacteristics,
                                      xShmMap,
                                      xShmLock,
                                      xShmBarrier,
                                      xShmUnmap,
                                      xFetch,
                                      xUnfetch};

std::shared_ptr<const SealingKey> keyFor(const char *token)
{
    if (!token)
        return {};
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.keys.value(QString::fromLatin1(token));
}

int xOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    SealedFile *f = sealed(file);
    std::memset(f, 0, sizeof(SealedFile));
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + sizeof(SealedFile));
    std::shared_ptr<const SealingKey> key;
    if (flags & SQLITE_OPEN_MAIN_DB) {
        f->kind = Kind::Database;
        key = keyFor(name ? sqlite3_uri_parameter(name, "sealkey") : nullptr);
    } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
        if (sqlite3_file *main = sqlite3_database_file_object(name);
            main && main->pMethods == &ioMethods && sealed(main)->building) {
            SealedJournal::open(file);
            if (outFlags)
                *outFlags = flags;
            return SQLITE_OK;
        }
    } else if (flags & SQLITE_OPEN_WAL) {
        f->kind = Kind::Wal;
        if (sqlite3_file *main = sqlite3_database_file_object(name); main && main->pMethods == &ioMethods)
            if (const SealedFile *db = sealed(main); db->key)
                key = *db->key;
    }
    // Journals and temporary files would hold pages or rows in the clear: a sealed database uses WAL and keeps
    // temporary data in memory, so anything else is refused rather than written.
    if (!key)
        return SQLITE_CANTOPEN;
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        f->real->pMethods = nullptr;
        return rc;
    }
    f->key = new std::shared_ptr<const SealingKey>(std::move(key));
    f->lastFrameHeaderAt = -1;
    sqlite3_int64 size = 0;
    f->building = f->kind == Kind::Database && f->real->pMethods->xFileSize(f->real, &size) == SQLITE_OK && size == 0;
    file->pMethods = &ioMethods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return realVfs->xDelete(realVfs, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return realVfs->xAccess(realVfs, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return realVfs->xFullPathname(realVfs, name, n, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return realVfs->xDlOpen(realVfs, name);
}
void xDlError(sqlite3_vfs *, int n, char *out)
{
    realVfs->xDlError(realVfs, n, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return realVfs->xDlSym(realVfs, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle)
{
    realVfs->xDlClose(realVfs, handle);
}
int xRandomness(sqlite3_vfs *, int n, char *out)
{
    return realVfs->xRandomness(realVfs, n, out);
}
int xSleep(sqlite3_vfs *, int micros)
{
    return realVfs->xSleep(realVfs, micros);
}
int xCurrentTime(sqlite3_vfs *, double *out)
{
    return realVfs->xCurrentTime(realVfs, out);
}
int xGetLastError(sqlite3_vfs *, int n, char *out)
{
    return realVfs->xGetLastError ? realVfs->xGetLastError(realVfs, n, out) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return realVfs->xCurrentTimeInt64(realVfs, out);
}

} // namespace

// --- SealedVfs --------------------------------------------------------------------------------------------------

namespace SealedVfs {

Status ensureRegistered()
{
    static const int rc = [] {
        if (sodium_init() < 0)
            return SQLITE_ERROR;
        if (sqlite3_initialize() != SQLITE_OK)
            return SQLITE_ERROR;
        if (sqlite3_vfs_find(name))
            return SQLITE_OK;
        realVfs = sqlite3_vfs_find(nullptr);
        if (!realVfs)
            return SQLITE_ERROR;
        static sqlite3_vfs vfs{};
        vfs.iVersion = 2;
        vfs.szOsFile = int(sizeof(SealedFile)) + realVfs->szOsFile;
        vfs.mxPathname = realVfs->mxPathname;
        vfs.zName = name;
        vfs.xOpen = xOpen;
        vfs.xDelete = xDelete;
        vfs.xAccess = xAccess;
        vfs.xFullPathname = xFullPathname;
        vfs.xDlOpen = xDlOpen;
        vfs.xDlError = xDlError;
        vfs.xDlSym = xDlSym;
        vfs.xDlClose = xDlClose;
        vfs.xRandomness = xRandomness;
        vfs.xSleep = xSleep;
        vfs.xCurrentTime = xCurrentTime;
        vfs.xGetLastError = xGetLastError;
        vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        return sqlite3_vfs_register(&vfs, 0);
    }();
    if (rc != SQLITE_OK)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("The encrypting file layer could not be set up (libsodium or SQLite refused)."));
    return {};
}

Attachment::Attachment(std::shared_ptr<const SealingKey> key)
    : m_token(QUuid::createUuid().toString(QUuid::Id128))
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.keys.insert(m_token, std::move(key));
}

Attachment::~Attachment()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.keys.remove(m_token);
}

QString uri(const QString &path, const QString &token)
{
    QUrl url = QUrl::fromLocalFile(path);
    url.setQuery(QStringLiteral("vfs=%1&sealkey=%2").arg(QLatin1String(name), token));
    return url.toString(QUrl::FullyEncoded);
}

bool headerSaysSealed(const QByteArray &header)
{
    return header.size() >= 21 && header.startsWith(QByteArrayLiteral("SQLite format 3\0"))
           && static_cast<unsigned char>(header.at(20)) == reservedBytes;
}

} // namespace SealedVfs
} // namespace FrontDoor
