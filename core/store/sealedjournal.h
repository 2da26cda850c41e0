#pragma once

#include <sqlite3.h>

#include <vector>

// A rollback journal of a sealed database, held in memory (issue 20): it would hold whole pages in the clear. A
// sealed database runs in WAL mode, so only a file being built uses one — a copy by VACUUM INTO, leaving WAL for a
// backup — and such a file is removed, not recovered, if the program stops half-way.
namespace FrontDoor::SealedJournal {

struct MemoryJournal
{
    sqlite3_file base;
    std::vector<char> *bytes;
};

// Makes `file` (SQLite's allocation, at least sizeof(MemoryJournal)) an empty journal in memory.
void open(sqlite3_file *file);

} // namespace FrontDoor::SealedJournal
