#include "store/databaseencryption.h"

#include "store/auditverifier.h"
#include "store/database.h"
#include "store/holding.h"
#include "store/keyring.h"
#include "store/sealedvfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

namespace FrontDoor::DatabaseEncryption {

namespace {

// Overwrites a file's bytes with zeros on the disk, then removes it. On a journaling or copy-on-write file system,
// or an SSD that remaps blocks, old copies of the blocks may survive out of reach of any program: full-disk
// encryption is what covers those (README, "Encryption at rest").
void overwriteAndRemove(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite)) {
        const QByteArray zeros(1 << 20, '\0');
        for (qint64 left = file.size(); left > 0; left -= zeros.size())
            file.write(zeros.constData(), std::min<qint64>(left, zeros.size()));
        file.flush();
        ::fsync(file.handle());
        file.close();
    }
    QFile::remove(path);
}

void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    return makeError(
        rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ErrorCode::DatabaseBusy : ErrorCode::DatabaseError,
        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))));
}

} // namespace

Result<Converted>
convert(const QString &path, const QString &account, const QString &password, const PasswordHasher::Cost &cost)
{
    QFile header(path);
    if (!header.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, QStringLiteral("%1: there is no database here.").arg(path));
    const QByteArray first = header.read(100);
    header.close();
    if (SealedVfs::headerSaysSealed(first))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 is already encrypted. Nothing was changed.").arg(path));
    if (!first.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("%1 is not a Front Door database. Nothing was changed.").arg(path));
    if (Status s = SealedVfs::ensureRegistered(); !s)
        return s.error();

    Result<KeyRing::Created> created = KeyRing::create(account, password, cost);
    if (!created)
        return created.error();
    const QString target = path + QStringLiteral(".encrypting");
    QFile::remove(target);

    // The original, held exclusively until the copy is in its place: no desk writes to a file about to be replaced.
    sqlite3 *source = nullptr;
    int rc = sqlite3_open_v2(
        QFile::encodeName(path).constData(), &source, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
    const auto closeSource = [&] {
        sqlite3_close(source);
        source = nullptr;
    };
    if (rc == SQLITE_OK)
        // Exclusive locking mode keeps the lock the first write takes until the connection closes (VACUUM INTO
        // cannot run inside a transaction); in WAL mode every open connection holds the file shared, so this fails
        // while any other is open.
        rc = sqlite3_exec(source,
                          "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT",
                          nullptr,
                          nullptr,
                          nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(source, rc, path);
        closeSource();
        if (e.code == ErrorCode::DatabaseBusy)
            e.message
                = QStringLiteral("%1 is open elsewhere: close Front Door on every desk that uses it, then encrypt "
                                 "again. Nothing was changed.")
                      .arg(path);
        return e;
    }
    const Holding before = holdingOf(source);
    int reserve = SealedVfs::reservedBytes;
    sqlite3_file_control(source, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    SealedVfs::Attachment attached(created->key);
    sqlite3_stmt *vacuum = nullptr;
    const QByteArray uri = SealedVfs::uri(target, attached.token()).toUtf8();
    rc = sqlite3_prepare_v2(source, "VACUUM INTO ?1", -1, &vacuum, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(vacuum, 1, uri.constData(), int(uri.size()), SQLITE_STATIC);
        rc = sqlite3_step(vacuum);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(vacuum);
    if (rc != SQLITE_OK) {
        const Error e
            = sqliteError(source, rc, QStringLiteral("%1: the encrypted copy could not be written").arg(target));
        closeSource();
        QFile::remove(target);
        return makeError(e.code, e.message + QStringLiteral(". Nothing was changed."));
    }
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The copy verified before anything is replaced: integrity, the chain and every referral against it, and the
    // same number of referrals and events.
    const auto refuse = [&](const QString &why) {
        closeSource();
        QFile::remove(target);
        return makeError(
            ErrorCode::DatabaseCorrupt,
            QStringLiteral("The encrypted copy did not pass its checks (%1). Nothing was changed.").arg(why));
    };
    {
        Database::Options reading;
        reading.readOnly = true;
        reading.quickCheck = false;
        reading.sealing = created->key;
        Result<std::unique_ptr<Database>> copy = Database::open(target, reading);
        if (!copy)
            return refuse(copy.errorMessage());
        Result<QString> integrity = (*copy)->check(false);
        if (!integrity || *integrity != QLatin1String("ok"))
            return refuse(integrity ? *integrity : integrity.errorMessage());
        Result<AuditVerifier::Report> audit = AuditVerifier::verify(**copy);
        if (!audit || !audit->intact())
            return refuse(audit ? audit->summary() : audit.errorMessage());
        const Holding after = holdingOf((*copy)->handle());
        if (after.referrals != before.referrals || after.events != before.events)
            return refuse(QStringLiteral("%1 referrals and %2 events, against %3 and %4")
                              .arg(after.referrals)
                              .arg(after.events)
                              .arg(before.referrals)
                              .arg(before.events));
    }
    if (Status s = created->ring.save(KeyRing::pathFor(path)); !s) {
        closeSource();
        QFile::remove(target);
        return s.error();
    }

    // The swap: the original aside, the copy in its place, the folder flushed; then the original's bytes overwritten.
    const QString aside = path + QStringLiteral(".plaintext");
    closeSource(); // its -wal is checkpointed into the original and removed
    QFile::remove(aside);
    if (!QFile::rename(path, aside)) {
        QFile::remove(target);
        QFile::remove(KeyRing::pathFor(path));
        return makeError(ErrorCode::IoError,
                         QStringLiteral("%1 could not be moved aside. Nothing was changed.").arg(path));
    }
    if (!QFile::rename(target, path)) {
        QFile::rename(aside, path);
        QFile::remove(KeyRing::pathFor(path));
        return makeError(ErrorCode::IoError,
                         QStringLiteral("The encrypted copy could not be put in place. Nothing was changed."));
    }
    syncFolder(QFileInfo(path).absolutePath());
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        overwriteAndRemove(path + suffix); // the original's, if any were left
    overwriteAndRemove(aside);
    syncFolder(QFileInfo(path).absolutePath());
    return Converted{created->recoveryKey, before.referrals, before.events, KeyRing::pathFor(path)};
}

} // namespace FrontDoor::DatabaseEncryption
