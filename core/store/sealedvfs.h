#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <memory>

namespace FrontDoor {

// A database key in libsodium's guarded memory (sodium_malloc: locked, fenced, wiped when freed), with the id of
// the one file it seals. The key never touches the disk unwrapped (store/sealedkeys.h wraps it); the file id is not
// secret — it makes a page of one file worthless in another (see sealedvfs.cpp).
class SealingKey
{
public:
    static constexpr int keyBytes = 32;
    static constexpr int fileIdBytes = 16;

    // A fresh random key (for a new database).
    static std::shared_ptr<SealingKey> generate(const QByteArray &fileId);
    // The key unwrapped from a keyring; `bytes` is wiped by the caller.
    static std::shared_ptr<SealingKey> fromBytes(const unsigned char *bytes, const QByteArray &fileId);
    // The same key for another file (a backup, a converted copy).
    std::shared_ptr<SealingKey> forFile(const QByteArray &fileId) const;
    static QByteArray newFileId();

    ~SealingKey();
    SealingKey(const SealingKey &) = delete;
    SealingKey &operator=(const SealingKey &) = delete;

    const unsigned char *key() const { return m_key; }
    const QByteArray &fileId() const { return m_fileId; }

    // While the screen is locked (issue 20) the key is put away: its bytes are wiped in place and their memory made
    // unreadable, and the VFS refuses every read and write of the file until restore() is handed the same key again
    // (unwrapped afresh by the person's password). The key's value never changes, so these are const: what changes
    // is only whether it is in memory. Not thread-safe against a read in flight: the caller stows between
    // statements, on the thread that uses the database.
    bool stow() const;
    // False, and still stowed, when `same` is another key.
    bool restore(const SealingKey &same) const;
    bool isStowed() const { return m_stowed.load(); }

private:
    SealingKey() = default;
    unsigned char *m_key = nullptr; // keyBytes, sodium_malloc'd, read-only between uses, no access while stowed
    QByteArray m_fileId;
    mutable std::atomic<bool> m_stowed{false};
    mutable std::array<unsigned char, 32> m_check{}; // BLAKE2b of the key while stowed: knows it when it comes back
};

// The encrypting VFS over the system SQLite: every page of the database file and every page in its WAL is sealed
// with XChaCha20-Poly1305 (construction, what it protects and what not: sealedvfs.cpp). A connection opens a sealed
// file by the URI uri() gives, while the key is attached.
namespace SealedVfs {

constexpr const char *name = "frontdoor-sealed";
// Bytes each page keeps for its seal: a 24-byte nonce and a 16-byte tag (SQLite's "reserved bytes").
constexpr int reservedBytes = 40;

Status ensureRegistered();

// Makes `key` reachable by connections that open with the returned token; detach() forgets it (the key is wiped
// when the last holder lets go).
class Attachment
{
public:
    explicit Attachment(std::shared_ptr<const SealingKey> key);
    ~Attachment();
    Attachment(const Attachment &) = delete;
    Attachment &operator=(const Attachment &) = delete;
    const QString &token() const { return m_token; }

private:
    QString m_token;
};

// file:<path>?vfs=frontdoor-sealed&sealkey=<token> (open with SQLITE_OPEN_URI, or Qt's QSQLITE_OPEN_URI).
QString uri(const QString &path, const QString &token);

// What a database file's first 100 bytes (left in the clear, see sealedvfs.cpp) say: is it sealed?
bool headerSaysSealed(const QByteArray &header);

} // namespace SealedVfs
} // namespace FrontDoor
