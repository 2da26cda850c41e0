#pragma once

#include "access/passwordhasher.h"
#include "common/result.h"
#include "store/sealedvfs.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace FrontDoor {

// The wrapped keys of one encrypted database file (issue 20), in <file>.keys beside it: what can be read before
// anyone signs in. Each account's wrap is the database key sealed (XChaCha20-Poly1305) under a key derived from that
// person's password with Argon2id; one more wrap is under the recovery key, printed once at creation for information
// governance. Nothing else is in the file: the file id, Argon2's salt and cost, nonces and sealed keys — and each
// holder as a keyed hash of the account id, so not even the staff's names are readable before sign-in.
class KeyRing
{
public:
    static QString pathFor(const QString &databasePath) { return databasePath + QStringLiteral(".keys"); }

    struct Created;
    // A new key for a new database file, wrapped for `account` with `password` and under a new recovery key.
    static Result<Created> create(const QString &account, const QString &password, const PasswordHasher::Cost &cost);
    static Result<KeyRing> load(const QString &path);
    // Written whole (QSaveFile), owner-only.
    Status save(const QString &path) const;

    // The database key, if `password` is this account's (a wrong one, or an account without a wrap: refused alike).
    Result<std::shared_ptr<SealingKey>> unwrap(const QString &account, const QString &password) const;
    Result<std::shared_ptr<SealingKey>> unwrapWithRecoveryKey(const QString &recoveryKey) const;
    // Adds or replaces `account`'s wrap (a new account, a password reset); removes it (an account disabled).
    Status
    wrapFor(const QString &account, const QString &password, const SealingKey &key, const PasswordHasher::Cost &cost);
    void remove(const QString &account);
    bool holds(const QString &account) const;
    int wraps() const { return int(m_wraps.size()); }

    // A copy's ring (a backup, a converted file): the same wraps, the copy's own file id.
    KeyRing forCopy(const QByteArray &fileId) const;
    const QByteArray &fileId() const { return m_fileId; }

    struct Wrap
    {
        QString holder; // keyed hash of the account id, or "recovery"
        QByteArray salt;
        unsigned long long passes = 0;
        qint64 memoryBytes = 0;
        QByteArray nonce;
        QByteArray sealed;
    };

private:
    Result<std::shared_ptr<SealingKey>> open(const Wrap &wrap, const QByteArray &secret) const;
    static Result<Wrap>
    seal(const QString &holder, const QByteArray &secret, const SealingKey &key, const PasswordHasher::Cost &cost);

    QByteArray m_fileId;
    QList<Wrap> m_wraps;
};

struct KeyRing::Created
{
    KeyRing ring;
    std::shared_ptr<SealingKey> key;
    QString recoveryKey; // shown once; never stored
};

} // namespace FrontDoor
