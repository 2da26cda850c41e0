#pragma once

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// bench_store's floor: a bare sqlite3 insert + commit (WAL, synchronous=FULL, as the store), in the same folder, one
// after each save (Common::floorBetweenSaves), so both are timed against the disk as it is then.
class BareInserts
{
public:
    explicit BareInserts(const QString &path);
    ~BareInserts();
    BareInserts(const BareInserts &) = delete;
    BareInserts &operator=(const BareInserts &) = delete;

    // One insert of a row of `payloadBytes` and its commit: nanoseconds, or -1 if either failed.
    qint64 one(int payloadBytes);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
};
