#pragma once

#include <QString>

#include <memory>

struct sqlite3;

namespace FrontDoor {

class Interruption;
class SealingKey;
namespace SealedVfs {
class Attachment;
}

// A read-only SQLite connection of its own to a Front Door file, for work on another thread than the store's (the
// background integrity check, the day's backup): an encrypted file's through the sealing VFS with `key`, which must
// be the worker's own copy (SealingKey::forFile on the store's thread, before the worker starts) — the store's key is
// wiped when the screen locks, and no other thread may read it then. Published to `interruption` while open.
class ReadConnection
{
public:
    ReadConnection() = default;
    ~ReadConnection(); // withdrawn from the interruption, then closed
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;

    // SQLite's result code; on failure handle() may still give the message (errorMessage()).
    int open(const QString &path, const std::shared_ptr<const SealingKey> &key, Interruption *interruption);
    sqlite3 *handle() const { return m_db; }
    QString errorMessage() const;

private:
    std::unique_ptr<SealedVfs::Attachment> m_sealing; // outlives the connection that reads through it
    sqlite3 *m_db = nullptr;
    Interruption *m_interruption = nullptr;
};

} // namespace FrontDoor
