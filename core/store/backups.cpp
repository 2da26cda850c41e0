#include "store/backups.h"

#include "store/audittrail.h"
#include "store/auditverifier.h"
#include "store/backupfiles.h"
#include "store/database.h"
#include "store/databaselocation.h"
#include "store/holding.h"
#include "store/interruption.h"
#include "store/keyring.h"
#include "store/readconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlQuery>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

namespace FrontDoor {

namespace {

Status syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be opened to flush it to disk.").arg(path));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the disk did not confirm the write.").arg(path));
    return {};
}

// Copies `source` (an open connection) into a new file at `target` with SQLite's backup API; sealed under `key`
// (the source's key for the copy's own file id) when given, every page through the encrypting VFS.
Status copyWithBackupApi(sqlite3 *source,
                         const QString &target,
                         const std::shared_ptr<const SealingKey> &key = nullptr,
                         const Interruption *interruption = nullptr)
{
    QFile::remove(target);
    {
        QFile create(target); // owner-only from the first byte
        if (!create.open(QIODevice::WriteOnly) || !create.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be created: %2").arg(target, create.errorString()));
    }
    sqlite3 *destination = nullptr;
    std::unique_ptr<SealedVfs::Attachment> sealing;
    int rc = SQLITE_OK;
    if (key) {
        sealing = std::make_unique<SealedVfs::Attachment>(key);
        rc = sqlite3_open_v2(SealedVfs::uri(target, sealing->token()).toUtf8().constData(),
                             &destination,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
                             nullptr);
        // The copy is one file written once: no journal (the VFS opens none), room for each page's seal.
        int reserve = SealedVfs::reservedBytes;
        if (rc == SQLITE_OK)
            rc = sqlite3_file_control(destination, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(destination, "PRAGMA journal_mode = OFF", nullptr, nullptr, nullptr);
    } else {
        rc = sqlite3_open_v2(QFile::encodeName(target).constData(), &destination, SQLITE_OPEN_READWRITE, nullptr);
    }
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(destination, "main", source, "main");
        if (!backup) {
            rc = sqlite3_errcode(destination);
        } else {
            // In steps, so that the window can stop it (the screen locks, the window closes), within the source's
            // one read transaction: every step copies the same moment of the file, however much is saved meanwhile.
            const bool ownSnapshot
                = sqlite3_get_autocommit(source)
                  && sqlite3_exec(source, "BEGIN; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr)
                         == SQLITE_OK;
            do {
                rc = interruption && interruption->stopped() ? SQLITE_INTERRUPT : sqlite3_backup_step(backup, 4096);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            if (ownSnapshot)
                sqlite3_exec(source, "COMMIT", nullptr, nullptr, nullptr);
            const int finished = sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE)
                rc = finished;
        }
    }
    const QString message = rc == SQLITE_INTERRUPT
                                ? QStringLiteral("stopped before it was finished")
                                : QString::fromUtf8(destination ? sqlite3_errmsg(destination) : sqlite3_errstr(rc));
    // The copy is in rollback-journal mode (the backup carries pages, not the WAL): one self-contained file.
    // Sealed, it leaves WAL through an in-memory journal (the encrypting VFS opens no journal file).
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(destination,
                          key ? "PRAGMA journal_mode = MEMORY" : "PRAGMA journal_mode = DELETE",
                          nullptr,
                          nullptr,
                          nullptr);
    sqlite3_close(destination);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        QFile::remove(target);
        return makeError((rc & 0xff) == SQLITE_FULL ? ErrorCode::IoError : ErrorCode::DatabaseError,
                         QStringLiteral("%1: the backup could not be written: %2").arg(target, message));
    }
    return syncPath(target, false);
}

// What a backup holds, to compare with the one before it.

// The key of a copy of an encrypted database (a backup): the database's key under the copy's own file id, read from
// the copy's <file>.keys. None for a plaintext copy, or without the database's key.
std::shared_ptr<const SealingKey> copyKeyOf(const QString &file, const std::shared_ptr<const SealingKey> &key)
{
    if (!key)
        return nullptr;
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(file));
    return ring ? key->forFile(ring->fileId()) : nullptr;
}

// A new copy of `source` at `target`, sealed under `key` (the source's): the same key under a file id of its own,
// the source's wraps saved beside the copy (<target>.keys) before it is written. The copy's key; none for plaintext.
Result<std::shared_ptr<const SealingKey>>
keysForCopy(const QString &source, const std::shared_ptr<const SealingKey> &key, const QString &target)
{
    if (!key)
        return std::shared_ptr<const SealingKey>();
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(source));
    if (!ring)
        return ring.error();
    const QByteArray fileId = SealingKey::newFileId();
    if (Status s = ring->forCopy(fileId).save(KeyRing::pathFor(target)); !s)
        return s.error();
    return std::shared_ptr<const SealingKey>(key->forFile(fileId));
}

Holding holdingOfCopy(const QString &file, const std::shared_ptr<const SealingKey> &databaseKey)
{
    Database::Options reading;
    reading.readOnly = true;
    reading.quickCheck = false;
    reading.sealing = copyKeyOf(file, databaseKey);
    Result<std::unique_ptr<Database>> opened = Database::open(file, reading);
    return opened ? holdingOf((*opened)->handle()) : Holding{}; // unreadable: counted as nothing, never hiding a loss
}

// Verifies `partial`, then renames it to `name` in `folder` and flushes the folder.
// Where a copy's verification starts: the anchor log of the database it was taken from.
struct Anchoring
{
    QString file;
    QString database;
};

Result<QString> placeVerified(const QString &partial,
                              const QString &folder,
                              const QString &name,
                              const Anchoring &anchoring,
                              Backups::Made &made,
                              const std::shared_ptr<const SealingKey> &key,
                              Interruption *interruption)
{
    Result<AuditVerifier::Report> verified
        = Backups::verify(partial, anchoring.file, anchoring.database, key, interruption);
    if (!verified) {
        QFile::remove(partial);
        return verified.error();
    }
    made.verified = *verified;
    const QString target = QDir(folder).filePath(name);
    QFile::remove(target);
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the backup could not be put in place.").arg(target));
    }
    if (Status s = syncPath(folder, true); !s)
        return s.error();
    return target;
}

Result<QString> copyToSecondFolder(const QString &backup,
                                   const QString &folder,
                                   const QString &name,
                                   const Anchoring &anchoring,
                                   Backups::Made &made,
                                   const std::shared_ptr<const SealingKey> &key,
                                   Interruption *interruption)
{
    if (!QFileInfo(folder).isDir() && !DatabaseLocation::makeOwnerOnlyFolder(folder))
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be created.").arg(folder));
    const QString partial = QDir(folder).filePath(name) + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!QFile::copy(backup, partial))
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be written.").arg(partial));
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (Status s = syncPath(partial, false); !s) {
        QFile::remove(partial);
        return s.error();
    }
    if (key) { // the same bytes, the same file id: the same wrapped keys beside it
        const QString keys = KeyRing::pathFor(QDir(folder).filePath(name));
        QFile::remove(keys);
        if (!QFile::copy(KeyRing::pathFor(backup), keys)) {
            QFile::remove(partial);
            return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be written.").arg(keys));
        }
        QFile::setPermissions(keys, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return placeVerified(partial, folder, name, anchoring, made, key, interruption);
}

// Removes the backups beyond their generations — unless the newest holds fewer referrals or events than the one
// before it: then nothing goes, and the person is told.
void thin(const QString &folder,
          const QString &databasePath,
          Backups::Made &made,
          const std::shared_ptr<const SealingKey> &databaseKey)
{
    const QStringList existing = BackupFiles::list(folder, databasePath);
    if (existing.size() >= 2) {
        const Holding now = holdingOfCopy(existing.at(0), databaseKey);
        const Holding before = holdingOfCopy(existing.at(1), databaseKey);
        if (now.referrals < before.referrals || now.events < before.events) {
            made.warnings.append(
                QStringLiteral("This backup (%1) holds fewer records than the one before it (%2): %3 referrals and %4 "
                               "audit events, against %5 and %6. No older backup was removed. If records were lost, "
                               "restore %2; if a restore explains it, tell IT.")
                    .arg(QFileInfo(existing.at(0)).fileName(), existing.at(1))
                    .arg(now.referrals).arg(now.events).arg(before.referrals).arg(before.events));
            return;
        }
    }
    for (const QString &file : BackupFiles::beyondGenerations(existing))
        if (QFile::remove(file)) {
            QFile::remove(KeyRing::pathFor(file)); // an encrypted backup's wrapped keys go with it
            ++made.removed;
        }
}

} // namespace

Result<AuditVerifier::Report> Backups::verify(const QString &file,
                                              const QString &anchorFile,
                                              const QString &anchoredDatabase,
                                              const std::shared_ptr<const SealingKey> &key,
                                              Interruption *interruption)
{
    Database::Options reading;
    reading.readOnly = true;
    reading.quickCheck = false; // the full integrity check follows
    reading.sealing = key;
    Result<std::unique_ptr<Database>> opened = Database::open(file, reading);
    if (!opened)
        return makeError(opened.error().code, QStringLiteral("Backup %1 does not pass its checks: %2")
                                                  .arg(file, opened.errorMessage()));
    const Published published(interruption, (*opened)->handle()); // withdrawn before the connection closes
    Result<QString> integrity = (*opened)->check(false);
    if (!integrity)
        return integrity.error();
    if (*integrity != QLatin1String("ok"))
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("Backup %1 is damaged (integrity_check: %2).").arg(file, *integrity));
    qint64 head = 0;
    if (Result<QSqlQuery *> row = (*opened)->exec(QStringLiteral("audit.head")); row && (*row)->next()) {
        head = (*row)->value(0).toLongLong();
        (*row)->finish();
    }
    Result<AuditVerifier::Report> audit
        = anchorFile.isEmpty() ? AuditVerifier::verify(**opened)
                               : AuditVerifier::verifyAnchored(**opened,
                                                               anchorFile,
                                                               AuditVerifier::Scope::SinceCheckpoint,
                                                               AnchorLog::selectionFor(anchoredDatabase, head));
    if (!audit)
        return audit.error();
    if (!audit->intact())
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("Backup %1: its audit trail does not verify (%2).").arg(file, audit->summary()));
    return audit;
}

Result<Backups::Job> Backups::prepare(Database &database,
                                      const QString &folder,
                                      const QDateTime &now,
                                      const Actor &actor,
                                      const QString &secondFolder,
                                      const QString &anchorFile,
                                      const QString &replacing)
{
    if (!QFileInfo(folder).isDir() && !DatabaseLocation::makeOwnerOnlyFolder(folder))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the backup folder cannot be created.").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // The backup records itself: the event goes into the database first, so the copy carries it.
    Job job;
    job.databasePath = database.path();
    // The copy's own key, made here on the store's thread: the store's is wiped when the screen locks, and
    // carryOut() runs on another thread.
    if (const std::shared_ptr<const SealingKey> key = database.sealingKey()) {
        job.databaseKey = key->forFile(key->fileId());
        if (!job.databaseKey)
            return makeError(
                ErrorCode::PermissionDenied,
                QStringLiteral("%1: the screen is locked and the key wiped; no backup now.").arg(database.path()));
    }
    job.folder = folder;
    job.secondFolder = secondFolder;
    job.anchorFile = anchorFile;
    job.name = BackupFiles::fileNameFor(database.path(), now);
    QJsonObject payload{{QStringLiteral("file"), job.name}};
    if (!replacing.isEmpty())
        payload.insert(QStringLiteral("replaces"), replacing);
    if (Result<qint64> event = AuditTrail::record(database, {}, actor.userId, now, AuditKind::BackupMade, payload);
        !event)
        return event.error();

    // An encrypted database's backup is sealed too (issue 20): the same key, a file id of its own, and the wrapped
    // keys beside it (<backup>.keys) before the backup is put in place.
    Result<std::shared_ptr<const SealingKey>> sealedCopy
        = keysForCopy(database.path(), job.databaseKey, QDir(folder).filePath(job.name));
    if (!sealedCopy)
        return sealedCopy.error();
    job.copyKey = *sealedCopy;
    return job;
}

Result<Backups::Made> Backups::carryOut(const Job &job, Interruption *interruption)
{
    Result<Made> made = copyAndVerify(job, interruption);
    if (!made && job.copyKey) // stopped or failed: the wrapped keys of a copy that is not there go too
        QFile::remove(KeyRing::pathFor(QDir(job.folder).filePath(job.name)));
    return made;
}

Result<Backups::Made> Backups::copyAndVerify(const Job &job, Interruption *interruption)
{
    const QString partial = QDir(job.folder).filePath(job.name) + QStringLiteral(".partial");
    {
        ReadConnection source;
        if (const int rc = source.open(job.databasePath, job.databaseKey, interruption); rc != SQLITE_OK)
            return makeError(
                ErrorCode::DatabaseError,
                QStringLiteral("%1 cannot be read for its backup: %2").arg(job.databasePath, source.errorMessage()));
        if (Status copied = copyWithBackupApi(source.handle(), partial, job.copyKey, interruption); !copied)
            return copied.error();
    }
    Made made;
    const Anchoring anchoring{job.anchorFile, job.databasePath};
    Result<QString> placed = placeVerified(partial, job.folder, job.name, anchoring, made, job.copyKey, interruption);
    if (!placed)
        return placed.error();
    made.file = *placed;
    made.bytes = QFileInfo(*placed).size();
    thin(job.folder, job.databasePath, made, job.databaseKey);

    if (!job.secondFolder.isEmpty() && !(interruption && interruption->stopped())) {
        Backups::Made again;
        Result<QString> second
            = copyToSecondFolder(*placed, job.secondFolder, job.name, anchoring, again, job.copyKey, interruption);
        if (second) {
            made.secondFile = *second;
            thin(job.secondFolder, job.databasePath, made, job.databaseKey);
        } else {
            made.warnings.append(QStringLiteral("The copy to the second backup folder failed: %1 The backup in %2 "
                                                "is good.")
                                     .arg(second.errorMessage(), job.folder));
        }
    }
    return made;
}

Result<Backups::Made> Backups::make(Database &database,
                                    const QString &folder,
                                    const QDateTime &now,
                                    const Actor &actor,
                                    const QString &secondFolder,
                                    const QString &anchorFile)
{
    Result<Job> job = prepare(database, folder, now, actor, secondFolder, anchorFile);
    if (!job)
        return job.error();
    return carryOut(*job);
}

bool Backups::isDue(const QString &folder, const QString &databasePath, const QDateTime &now)
{
    const QStringList existing = BackupFiles::list(folder, databasePath);
    if (existing.isEmpty())
        return true;
    return QFileInfo(existing.constFirst()).lastModified().toUTC().addDays(1) <= now;
}

QString Backups::latestVerified(const QString &folder,
                                const QString &databasePath,
                                const std::shared_ptr<const SealingKey> &key)
{
    for (const QString &file : BackupFiles::list(folder, databasePath))
        if (verify(file, {}, {}, copyKeyOf(file, key)))
            return file;
    return {};
}

std::optional<bool> Backups::isTraining(const QString &file)
{
    // The application id is in the header's clear first 100 bytes (offset 68, big-endian), also of an encrypted file.
    QFile opened(file);
    if (!opened.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = opened.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return std::nullopt;
    const auto byte = [&](int i) {
        return quint32(quint8(header.at(i)));
    };
    const qint32 applicationId = qint32(byte(68) << 24 | byte(69) << 16 | byte(70) << 8 | byte(71));
    return applicationId == Database::trainingApplicationId;
}

Result<QString> Backups::restore(const QString &backupFile,
                                 const QString &databasePath,
                                 const QDateTime &now,
                                 const Actor &actor,
                                 bool training,
                                 const std::shared_ptr<const SealingKey> &key)
{
    if (Result<AuditVerifier::Report> verified = verify(backupFile, {}, {}, key); !verified)
        return makeError(verified.error().code,
                         verified.errorMessage() + QStringLiteral(" Nothing was restored."));
    // Live and training never meet: a training backup never replaces live cases, nor the reverse.
    if (isTraining(backupFile) != training)
        return makeError(ErrorCode::Conflict,
                         training ? QStringLiteral("%1 holds live cases: training mode never restores it. Nothing was "
                                                   "restored.").arg(backupFile)
                                  : QStringLiteral("%1 is a backup of invented training cases: it never replaces the "
                                                   "live database (use --training). Nothing was restored.")
                                        .arg(backupFile));
    if (QFileInfo::exists(databasePath) && isTraining(databasePath).value_or(training) != training)
        return makeError(ErrorCode::Conflict, QStringLiteral("%1 is not a %2 database. Nothing was restored.")
                                                  .arg(databasePath, training ? QStringLiteral("training")
                                                                              : QStringLiteral("live")));

    QString keptAs;
    if (QFileInfo::exists(databasePath)) {
        // Milliseconds, and a number after them when two restores meet in the same one: a kept file is never
        // overwritten.
        const QString stem = QStringLiteral("%1.replaced-%2")
                                 .arg(databasePath, now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")));
        keptAs = stem;
        for (int n = 2; QFileInfo::exists(keptAs) || QFileInfo::exists(keptAs + QStringLiteral("-wal")); ++n)
            keptAs = QStringLiteral("%1-%2").arg(stem).arg(n);
        // An encrypted file's wrapped keys go aside with it: the kept file still opens.
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".keys")}) {
            if (QFileInfo::exists(databasePath + suffix) && !QFile::rename(databasePath + suffix, keptAs + suffix))
                return makeError(ErrorCode::IoError,
                                 QStringLiteral("%1 could not be moved aside; nothing was restored.").arg(databasePath + suffix));
        }
    }
    if (Result<QString> prepared = DatabaseLocation::prepare(databasePath); !prepared)
        return prepared.error();

    Database::Options reading;
    reading.readOnly = true;
    reading.quickCheck = false; // verified above
    reading.sealing = key;
    Result<std::unique_ptr<Database>> source = Database::open(backupFile, reading);
    if (!source)
        return makeError(source.error().code,
                         QStringLiteral("%1 cannot be read: %2").arg(backupFile, source.errorMessage()));
    // An encrypted backup comes back encrypted: the same key under a file id of its own, its wrapped keys beside it.
    Result<std::shared_ptr<const SealingKey>> restoredKey = keysForCopy(backupFile, key, databasePath);
    if (!restoredKey)
        return restoredKey.error();
    Status copied = copyWithBackupApi((*source)->handle(), databasePath, *restoredKey);
    source->reset();
    if (!copied)
        return copied.error();
    QFile::setPermissions(databasePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    Database::Options writing;
    writing.sealing = *restoredKey;
    Result<std::unique_ptr<Database>> reopened = Database::open(databasePath, writing);
    if (!reopened)
        return reopened.error();
    if (Result<qint64> event = AuditTrail::record(**reopened, {}, actor.userId, now, AuditKind::Restored,
                                                  {{QStringLiteral("from"), QFileInfo(backupFile).fileName()},
                                                   {QStringLiteral("replacedKeptAs"), QFileInfo(keptAs).fileName()}});
        !event)
        return event.error();
    return keptAs;
}

} // namespace FrontDoor
