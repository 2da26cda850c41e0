#pragma once

#include "store/sealedvfs.h"

#include <sqlite3.h>

#include <memory>

namespace FrontDoor::SealedFiles {

// One file open through the encrypting VFS (store/sealedvfs.h): what SQLite allocates for it, and how its reads and
// writes are sealed — the database file page by page, its WAL frame by frame (each frame's page sealed, its header in
// the clear). The VFS's io methods (sealedvfs.cpp) hand every read and write here once the key is known to be out.
enum class Kind { Database, Wal };

struct SealedFile
{
    sqlite3_file base;
    sqlite3_file *real;
    Kind kind;
    std::shared_ptr<const SealingKey> *key; // owned (a placement-free pointer: SQLite allocates this struct)
    int pageSize;
    sqlite3_int64 lastFrameHeaderAt; // WAL: where the last frame header was written, and its page number
    quint32 lastFramePage;
    bool building; // a database file that was empty when opened: the only kind given a journal (in memory)
};

inline SealedFile *sealed(sqlite3_file *f)
{
    return reinterpret_cast<SealedFile *>(f);
}

// A read or write at `offset` of `amount` bytes: pages opened or sealed; anything else passed through as it is.
int readDatabase(SealedFile *f, unsigned char *out, int amount, sqlite3_int64 offset);
int writeDatabase(SealedFile *f, const unsigned char *in, int amount, sqlite3_int64 offset);
int readWal(SealedFile *f, unsigned char *out, int amount, sqlite3_int64 offset);
int writeWal(SealedFile *f, const unsigned char *in, int amount, sqlite3_int64 offset);

} // namespace FrontDoor::SealedFiles
