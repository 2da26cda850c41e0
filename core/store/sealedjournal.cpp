#include "store/sealedjournal.h"

#include <algorithm>
#include <cstring>

namespace FrontDoor::SealedJournal {

namespace {

int journalClose(sqlite3_file *file)
{
    MemoryJournal *j = reinterpret_cast<MemoryJournal *>(file);
    delete j->bytes;
    j->bytes = nullptr;
    return SQLITE_OK;
}
int journalRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    const std::vector<char> &bytes = *reinterpret_cast<MemoryJournal *>(file)->bytes;
    const sqlite3_int64 have
        = std::max<sqlite3_int64>(0, std::min<sqlite3_int64>(amount, sqlite3_int64(bytes.size()) - offset));
    if (have > 0)
        std::memcpy(out, bytes.data() + offset, size_t(have));
    if (have < amount) {
        std::memset(static_cast<char *>(out) + have, 0, size_t(amount - have));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}
int journalWrite(sqlite3_file *file, const void *in, int amount, sqlite3_int64 offset)
{
    std::vector<char> &bytes = *reinterpret_cast<MemoryJournal *>(file)->bytes;
    if (size_t(offset + amount) > bytes.size())
        bytes.resize(size_t(offset + amount));
    std::memcpy(bytes.data() + offset, in, size_t(amount));
    return SQLITE_OK;
}
int journalTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    std::vector<char> &bytes = *reinterpret_cast<MemoryJournal *>(file)->bytes;
    if (size_t(size) < bytes.size())
        bytes.resize(size_t(size));
    return SQLITE_OK;
}
int journalSync(sqlite3_file *, int)
{
    return SQLITE_OK;
}
int journalSize(sqlite3_file *file, sqlite3_int64 *size)
{
    *size = sqlite3_int64(reinterpret_cast<MemoryJournal *>(file)->bytes->size());
    return SQLITE_OK;
}
int journalLock(sqlite3_file *, int)
{
    return SQLITE_OK;
}
int journalCheckReservedLock(sqlite3_file *, int *out)
{
    *out = 0;
    return SQLITE_OK;
}
int journalFileControl(sqlite3_file *, int, void *)
{
    return SQLITE_NOTFOUND;
}
int journalSectorSize(sqlite3_file *)
{
    return 4096;
}
int journalDeviceCharacteristics(sqlite3_file *)
{
    return 0;
}
const sqlite3_io_methods journalMethods = {1,
                                           journalClose,
                                           journalRead,
                                           journalWrite,
                                           journalTruncate,
                                           journalSync,
                                           journalSize,
                                           journalLock,
                                           journalLock,
                                           journalCheckReservedLock,
                                           journalFileControl,
                                           journalSectorSize,
                                           journalDeviceCharacteristics,
                                           nullptr,
                                           nullptr,
                                           nullptr,
                                           nullptr,
                                           nullptr,
                                           nullptr};
} // namespace

void open(sqlite3_file *file)
{
    auto *journal = reinterpret_cast<MemoryJournal *>(file);
    journal->base.pMethods = &journalMethods;
    journal->bytes = new std::vector<char>;
}

} // namespace FrontDoor::SealedJournal
