#pragma once

#include "access/actor.h"
#include "common/result.h"

#include <QDateTime>

namespace FrontDoor {

class Database;

// Backups with SQLite's online backup API (a consistent copy while the database is in use), written to a
// temporary name, fsync'ed, checked with integrity_check and the audit chain, then renamed into place in an
// owner-only folder and rotated. A restore accepts only a backup that passes the same checks, and keeps the file
// it replaces (renamed, never deleted).
class Backups
{
public:
    static constexpr int defaultKeep = 7;

    struct Made
    {
        QString file;
        qint64 bytes = 0;
        int removed = 0; // older backups rotated away
    };
    static Result<Made> make(Database &database, const QString &folder, const QDateTime &now, const Actor &actor,
                             int keep = defaultKeep);

    // When the newest backup in `folder` is older than a day, or there is none.
    static bool isDue(const QString &folder, const QString &databasePath, const QDateTime &now);

    // Header, integrity_check, a schema version this build reads, and an intact audit chain.
    static Status verify(const QString &file);
    // The newest backup that verifies, or empty when there is none.
    static QString latestVerified(const QString &folder, const QString &databasePath);

    // Replaces the database at `databasePath` with `backupFile` (which must verify). The replaced file and its
    // -wal/-shm are kept beside it as <name>.replaced-<time>; returns that name (empty when there was none).
    static Result<QString> restore(const QString &backupFile, const QString &databasePath, const QDateTime &now,
                                   const Actor &actor);
};

} // namespace FrontDoor
