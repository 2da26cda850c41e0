#include "store/sealedfile.h"

#include "store/sealedpage.h"

#include <QtGlobal>

#include <cstring>
#include <vector>

namespace FrontDoor::SealedFiles {

using namespace SealedPage;

namespace {

constexpr int walHeaderBytes = 32;   // the WAL's header
constexpr int frameHeaderBytes = 24; // each WAL frame's header

// The database's page size, from its header (left in the clear) if not yet known.
int databasePageSize(SealedFile *f)
{
    if (f->pageSize == 0) {
        unsigned char bytes[2];
        if (f->real->pMethods->xRead(f->real, bytes, 2, 16) == SQLITE_OK)
            f->pageSize = pageSizeFrom(bytes);
    }
    return f->pageSize;
}

int walPageSize(SealedFile *f)
{
    if (f->pageSize == 0) {
        unsigned char bytes[4];
        if (f->real->pMethods->xRead(f->real, bytes, 4, 8) == SQLITE_OK)
            f->pageSize = int(bigEndian32(bytes));
    }
    return f->pageSize;
}

} // namespace

// --- the database file ----------------------------------------------------------------------------------------

int readDatabase(SealedFile *f, unsigned char *out, int amount, sqlite3_int64 offset)
{
    if (offset + amount <= headerBytes)
        return f->real->pMethods->xRead(f->real, out, amount, offset);
    const int size = databasePageSize(f);
    if (size < 512 || offset % size != 0 || amount != size) {
        // Not a whole page (SQLite reads whole pages past the header): read the pages around it.
        if (size < 512)
            return SQLITE_IOERR_READ;
        std::vector<unsigned char> page(size_t(size), 0);
        sqlite3_int64 at = offset;
        int done = 0;
        while (done < amount) {
            const sqlite3_int64 pageStart = at - at % size;
            const int rc = f->real->pMethods->xRead(f->real, page.data(), size, pageStart);
            if (rc == SQLITE_IOERR_SHORT_READ) {
                std::memset(out + done, 0, size_t(amount - done));
                return rc;
            }
            if (rc != SQLITE_OK)
                return rc;
            if (!unseal(**f->key, quint32(pageStart / size + 1), page.data(), size))
                return SQLITE_IOERR_DATA;
            const int from = int(at - pageStart);
            const int n = std::min(size - from, amount - done);
            std::memcpy(out + done, page.data() + from, size_t(n));
            done += n;
            at += n;
        }
        return SQLITE_OK;
    }
    const int rc = f->real->pMethods->xRead(f->real, out, amount, offset);
    if (rc != SQLITE_OK)
        return rc; // a short read is zero-filled by the real VFS: a page past the end, never sealed
    return unseal(**f->key, quint32(offset / size + 1), out, size) ? SQLITE_OK : SQLITE_IOERR_DATA;
}

int writeDatabase(SealedFile *f, const unsigned char *in, int amount, sqlite3_int64 offset)
{
    if (offset == 0 && amount >= 512)
        f->pageSize = pageSizeFrom(in + 16);
    else if (databasePageSize(f) < 512 && amount >= 512 && amount <= 65536 && (amount & (amount - 1)) == 0)
        f->pageSize = amount; // a file being built may get later pages before page 1: SQLite writes whole pages
    const int size = f->pageSize;
    // Only whole pages, and only pages with room for the seal: never a byte of row data in the clear.
    if (size < 512 || amount != size || offset % size != 0)
        return SQLITE_IOERR_WRITE;
    if (offset == 0 && in[20] != SealedVfs::reservedBytes)
        return SQLITE_IOERR_WRITE;
    std::vector<unsigned char> page(static_cast<size_t>(size));
    seal(**f->key, quint32(offset / size + 1), in, page.data(), size);
    return f->real->pMethods->xWrite(f->real, page.data(), amount, offset);
}

// --- the WAL ---------------------------------------------------------------------------------------------------

namespace {

// Where a frame's page starts, for a read or write at `offset` of `amount` bytes: 0 if it is not a page.
bool isFramePage(SealedFile *f, int amount, sqlite3_int64 offset)
{
    const int size = walPageSize(f);
    return size >= 512 && amount == size && offset >= walHeaderBytes + frameHeaderBytes
           && (offset - walHeaderBytes - frameHeaderBytes) % (size + frameHeaderBytes) == 0;
}
bool isWholeFrame(SealedFile *f, int amount, sqlite3_int64 offset)
{
    const int size = walPageSize(f);
    return size >= 512 && amount == size + frameHeaderBytes && offset >= walHeaderBytes
           && (offset - walHeaderBytes) % (size + frameHeaderBytes) == 0;
}

// The page number in the header of the frame whose page is at `pageOffset`: from the header this handle has just
// written (a write only — the cache is spent at once), else from the file. Never cached for a read: another process
// may have restarted the WAL and written another page's frame at the same place since.
int framePage(SealedFile *f, sqlite3_int64 pageOffset, quint32 *page, bool writing)
{
    const sqlite3_int64 headerAt = pageOffset - frameHeaderBytes;
    const bool cached = writing && f->lastFrameHeaderAt == headerAt;
    f->lastFrameHeaderAt = -1;
    if (cached) {
        *page = f->lastFramePage;
        return SQLITE_OK;
    }
    unsigned char bytes[4];
    const int rc = f->real->pMethods->xRead(f->real, bytes, 4, headerAt);
    *page = bigEndian32(bytes);
    return rc;
}

} // namespace

int readWal(SealedFile *f, unsigned char *out, int amount, sqlite3_int64 offset)
{
    const int rc = f->real->pMethods->xRead(f->real, out, amount, offset);
    if (rc != SQLITE_OK)
        return rc;
    if (offset == 0 && amount >= walHeaderBytes)
        f->pageSize = int(bigEndian32(out + 8));
    if (isWholeFrame(f, amount, offset)) {
        const quint32 page = bigEndian32(out);
        return unseal(**f->key, page, out + frameHeaderBytes, amount - frameHeaderBytes) ? SQLITE_OK
                                                                                         : SQLITE_IOERR_DATA;
    }
    if (isFramePage(f, amount, offset)) {
        quint32 page = 0;
        if (const int r = framePage(f, offset, &page, false); r != SQLITE_OK)
            return r;
        return unseal(**f->key, page, out, amount) ? SQLITE_OK : SQLITE_IOERR_DATA;
    }
    if (amount > frameHeaderBytes && !(offset == 0 && amount == walHeaderBytes))
        return SQLITE_IOERR_READ; // SQLite reads headers or pages; anything else would hand it sealed bytes
    return SQLITE_OK;
}

int writeWal(SealedFile *f, const unsigned char *in, int amount, sqlite3_int64 offset)
{
    if (offset == 0 && amount >= walHeaderBytes) {
        f->pageSize = int(bigEndian32(in + 8));
        return f->real->pMethods->xWrite(f->real, in, amount, offset);
    }
    if (amount == frameHeaderBytes) {
        f->lastFrameHeaderAt = offset;
        f->lastFramePage = bigEndian32(in);
        return f->real->pMethods->xWrite(f->real, in, amount, offset);
    }
    if (!isFramePage(f, amount, offset))
        return SQLITE_IOERR_WRITE; // never a page's bytes in the clear
    quint32 page = 0;
    if (const int r = framePage(f, offset, &page, true); r != SQLITE_OK)
        return r;
    if (page == 1 && in[20] != SealedVfs::reservedBytes)
        return SQLITE_IOERR_WRITE;
    std::vector<unsigned char> sealedPage(static_cast<size_t>(amount));
    seal(**f->key, page, in, sealedPage.data(), amount);
    return f->real->pMethods->xWrite(f->real, sealedPage.data(), amount, offset);
}

} // namespace FrontDoor::SealedFiles
