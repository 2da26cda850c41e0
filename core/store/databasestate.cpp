#include "store/database.h"

#include <QElapsedTimer>

#include <sodium.h>
#include <sqlite3.h>

// The store's states beside its statements (database.cpp): its key wiped behind the lock (issue 20), its writes
// refused once the check after start finds damage, its WAL checkpointed between saves (issue 21), and the SQL
// functions its statements use beyond SQLite's own.

namespace FrontDoor {

namespace {

// unhex(text): the bytes a string of hex digits spells, NULL when it is not one (as SQLite's own, 3.41 on): the trail
// keeps each hash as its 32 bytes (schema step 7) and the statements that write one are given its hex.
void unhex(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    const int length = sqlite3_value_bytes(arguments[0]);
    if (!text || length % 2 != 0) {
        sqlite3_result_null(context);
        return;
    }
    QByteArray bytes(length / 2, Qt::Uninitialized);
    size_t written = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char *>(bytes.data()),
                       size_t(bytes.size()),
                       text,
                       size_t(length),
                       nullptr,
                       &written,
                       nullptr)
            != 0
        || written != size_t(bytes.size())) {
        sqlite3_result_null(context);
        return;
    }
    sqlite3_result_blob(context, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

Status registerUnhex(sqlite3 *handle)
{
    if (sqlite3_create_function_v2(handle,
                                   "unhex",
                                   1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   nullptr,
                                   unhex,
                                   nullptr,
                                   nullptr,
                                   nullptr)
        != SQLITE_OK)
        return makeError(ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(handle)));
    return {};
}

} // namespace

Status Database::registerFunctions(sqlite3 *handle)
{
    return registerUnhex(handle);
}

Status Database::wipeKey()
{
    if (!m_sealingKey)
        return {};
    if (m_inTransaction)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1: a change is being saved; the key stays until it is done.").arg(m_path));
    for (QSqlQuery &query : m_prepared)
        query.finish(); // no statement keeps a read open across the lock
    if (m_handle)
        sqlite3_db_release_memory(m_handle); // cached pages go too, so a read must come through the (refusing) VFS
    if (!m_sealingKey->stow())
        return makeError(ErrorCode::IoError, QStringLiteral("%1: the database key could not be wiped.").arg(m_path));
    return {};
}

Status Database::restoreKey(const SealingKey &same)
{
    if (!m_sealingKey || !m_sealingKey->isStowed())
        return {};
    if (!m_sealingKey->restore(same))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("%1: that is not this database's key.").arg(m_path));
    return {};
}

void Database::checkpointBetweenSaves()
{
    m_checkpointTimer = std::make_unique<QTimer>();
    m_checkpointTimer->setSingleShot(true);
    m_checkpointTimer->setInterval(250); // after the save that crossed the mark, before the next keystroke's
    m_checkpointTimer->callOnTimeout([this] { checkpointNow(); });
    sqlite3_wal_hook(m_handle, &Database::walCommitted, this); // in place of SQLite's automatic checkpoint
}

int Database::walCommitted(void *self, sqlite3 *handle, const char *name, int frames)
{
    auto *database = static_cast<Database *>(self);
    if (frames >= 10 * checkpointPages) // no event loop has run the checkpoint: do it here, as SQLite would
        sqlite3_wal_checkpoint(handle, name);
    else if (frames >= checkpointPages && !database->m_checkpointTimer->isActive())
        database->m_checkpointTimer->start();
    return SQLITE_OK;
}

void Database::checkpointNow()
{
    if (isKeyWiped() || !m_writeRefusal.isEmpty())
        return; // the next commit asks again
    if (m_inTransaction) {
        m_checkpointTimer->start();
        return;
    }
    QElapsedTimer took;
    took.start();
    int inLog = 0;
    int copied = 0;
    sqlite3_wal_checkpoint_v2(m_handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &inLog, &copied);
    const qint64 nsecs = took.nsecsElapsed();
    ++m_checkpoints.count;
    m_checkpoints.totalNsecs += nsecs;
    m_checkpoints.longestNsecs = std::max(m_checkpoints.longestNsecs, nsecs);
}

void Database::refuseWrites(const QString &why)
{
    m_writeRefusal = why
                     + QStringLiteral(" Nothing more is saved to it: what is on screen stays there. Tell IT "
                                      "now; the newest good backup is the way back.");
    if (m_handle)
        sqlite3_exec(m_handle, "PRAGMA query_only = ON", nullptr, nullptr, nullptr);
}

Status Database::refuseWhileKeyWiped() const
{
    if (!isKeyWiped())
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     QStringLiteral("%1: the screen is locked and the database key wiped; nothing can be read or "
                                    "saved until the person signed in unlocks it.")
                         .arg(m_path));
}

} // namespace FrontDoor
