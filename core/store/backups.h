#pragma once

#include "access/actor.h"
#include "common/result.h"
#include "store/auditverifier.h"
#include "store/sealedvfs.h"

#include <QDateTime>

#include <optional>

namespace FrontDoor {

class Database;
class Interruption;

// Backups with SQLite's online backup API (a consistent copy while the database is in use), written to a
// temporary name, fsync'ed, checked with integrity_check and verify-audit, then renamed into place in an
// owner-only folder, copied to IT's second folder (a share) and checked again there, and thinned to generations
// (BackupFiles::beyondGenerations). A backup holding fewer referrals or audit events than the newest one before it
// removes nothing and says so (a truncated or rolled-back database must not push the good copies out). A restore
// accepts only a backup that passes the same checks, and keeps the file it replaces (renamed, never deleted).
class Backups
{
public:
    struct Made
    {
        QString file;
        qint64 bytes = 0;
        int removed = 0;     // older backups thinned away, in both folders
        QString secondFile;  // the copy in the second folder, when one is set and it succeeded
        QStringList warnings; // what a person must know: fewer records than before, the second copy failed
        AuditVerifier::Report verified; // the copy's verification: its head is the next run's checkpoint
    };
    // With `anchorFile` (the database's anchor log), the copy is verified from the last verified head recorded there
    // (AuditVerifier::verifyAnchored); without, in full. prepare() then carryOut(), on the calling thread.
    static Result<Made> make(Database &database,
                             const QString &folder,
                             const QDateTime &now,
                             const Actor &actor,
                             const QString &secondFolder = {},
                             const QString &anchorFile = {});

    // A backup in two halves, for the window (issue 21: a copy of a county's file takes minutes): prepare() records
    // the backup in the trail and writes the copy's wrapped keys, on the store's thread; carryOut() copies, verifies,
    // thins and copies again to the second folder on any thread, reading through a connection of its own (the
    // store's saves go on meanwhile; the copy is of the moment it began). `interruption` stops it between steps;
    // what it had written is removed. `replacing`: the backup prepared before that was never made (stopped when the
    // screen locked, or failed) — its event stands in the trail, so this one's says it replaces it.
    struct Job
    {
        QString databasePath;
        QString folder;
        QString secondFolder;
        QString anchorFile;
        QString name;                                  // the backup's file name, in both folders
        std::shared_ptr<const SealingKey> databaseKey; // the job's own copy of the store's; none for plaintext
        std::shared_ptr<const SealingKey> copyKey;     // the database's key under the copy's file id
    };
    static Result<Job> prepare(Database &database,
                               const QString &folder,
                               const QDateTime &now,
                               const Actor &actor,
                               const QString &secondFolder = {},
                               const QString &anchorFile = {},
                               const QString &replacing = {});
    static Result<Made> carryOut(const Job &job, Interruption *interruption = nullptr);

    // When the newest backup in `folder` is older than a day, or there is none.
    static bool isDue(const QString &folder, const QString &databasePath, const QDateTime &now);

    // Header, integrity_check, a schema version this build reads, and verify-audit: in full, or from the last
    // verified head in `anchorFile` when one is given — the lines of `anchoredDatabase`, the file the copy was taken
    // from, up to the copy's head.
    static Result<AuditVerifier::Report> verify(const QString &file,
                                                const QString &anchorFile = {},
                                                const QString &anchoredDatabase = {},
                                                const std::shared_ptr<const SealingKey> &key = nullptr,
                                                Interruption *interruption = nullptr);
    // The newest backup that verifies, or empty when there is none.
    // Encrypted backups verify only with the database's `key` (each under its own file id).
    static QString latestVerified(const QString &folder,
                                  const QString &databasePath,
                                  const std::shared_ptr<const SealingKey> &key = nullptr);

    // Replaces the database at `databasePath` with `backupFile` (which must verify, and be a training backup
    // exactly when `training`). The replaced file and its -wal/-shm are kept beside it as
    // <name>.replaced-<time>[-n]; returns that name (empty when there was none). `actor` is the administrator the
    // caller signed in; the restore is audited under them in the restored file. An encrypted backup is read with
    // `key` (unwrapped from <backupFile>.keys) and restored encrypted, with its wrapped keys beside it.
    static Result<QString> restore(const QString &backupFile,
                                   const QString &databasePath,
                                   const QDateTime &now,
                                   const Actor &actor,
                                   bool training = false,
                                   const std::shared_ptr<const SealingKey> &key = nullptr);
    // Whether a backup's header says it holds invented training cases (issue 7); nullopt when it cannot be read.
    static std::optional<bool> isTraining(const QString &file);

private:
    static Result<Made> copyAndVerify(const Job &job, Interruption *interruption);
};

} // namespace FrontDoor
