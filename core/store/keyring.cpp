#include "store/keyring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

#include <cstring>

namespace FrontDoor {

namespace {

constexpr char format[] = "frontdoor-keys-1";
const QString recoveryHolder = QStringLiteral("recovery");
// A recovery key is 32 random bytes, far beyond guessing: Argon2 at its least cost only slows a machine's search.
constexpr PasswordHasher::Cost recoveryCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
constexpr char base32[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no I, O, 0, 1: read aloud or typed without doubt

// The holder's name in the file: a keyed hash of the account id, so the ring names nobody.
QString holderOf(const QString &account)
{
    const QByteArray id = account.toUtf8();
    unsigned char out[16];
    crypto_generichash(out,
                       sizeof out,
                       reinterpret_cast<const unsigned char *>(id.constData()),
                       static_cast<unsigned long long>(id.size()),
                       reinterpret_cast<const unsigned char *>(format),
                       sizeof format - 1);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

QString recoveryText(const unsigned char *bytes, int size)
{
    // 5 bits a character, in groups of four.
    QString text;
    quint32 buffer = 0;
    int bits = 0;
    int written = 0;
    for (int i = 0; i < size; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 5) {
            if (written > 0 && written % 4 == 0)
                text += u'-';
            text += QLatin1Char(base32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
            ++written;
        }
    }
    if (bits > 0) {
        if (written % 4 == 0)
            text += u'-';
        text += QLatin1Char(base32[(buffer << (5 - bits)) & 31]);
    }
    return text;
}

// The recovery key as typed back: case, spaces and dashes do not matter.
QByteArray recoverySecret(const QString &typed)
{
    QByteArray normal;
    for (const QChar c : typed)
        if (c.isLetterOrNumber())
            normal += c.toUpper().toLatin1();
    return normal;
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, '\0');
    randombytes_buf(bytes.data(), size_t(n));
    return bytes;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

Result<KeyRing::Wrap>
KeyRing::seal(const QString &holder, const QByteArray &secret, const SealingKey &key, const PasswordHasher::Cost &cost)
{
    if (sodium_init() < 0) // sodium_malloc needs it (a process that only unwraps calls nothing else first)
        return makeError(ErrorCode::Unsupported, QStringLiteral("libsodium could not be initialised."));
    Wrap wrap{holder,
              randomBytes(crypto_pwhash_SALTBYTES),
              cost.passes,
              qint64(cost.memoryBytes),
              randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES),
              {}};
    unsigned char *kek = static_cast<unsigned char *>(sodium_malloc(SealingKey::keyBytes));
    if (!kek)
        return makeError(ErrorCode::IoError, QStringLiteral("No memory could be locked for the key."));
    const int derived = crypto_pwhash(kek,
                                      SealingKey::keyBytes,
                                      secret.constData(),
                                      static_cast<unsigned long long>(secret.size()),
                                      reinterpret_cast<const unsigned char *>(wrap.salt.constData()),
                                      cost.passes,
                                      cost.memoryBytes,
                                      crypto_pwhash_ALG_ARGON2ID13);
    if (derived != 0) {
        sodium_free(kek);
        return makeError(ErrorCode::IoError, QStringLiteral("The key could not be derived (not enough memory)."));
    }
    const QByteArray ad = QByteArray(format) + holder.toLatin1();
    wrap.sealed.resize(SealingKey::keyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(wrap.sealed.data()),
                                               nullptr,
                                               key.key(),
                                               SealingKey::keyBytes,
                                               reinterpret_cast<const unsigned char *>(ad.constData()),
                                               static_cast<unsigned long long>(ad.size()),
                                               nullptr,
                                               reinterpret_cast<const unsigned char *>(wrap.nonce.constData()),
                                               kek);
    sodium_free(kek);
    return wrap;
}

Result<std::shared_ptr<SealingKey>> KeyRing::open(const Wrap &wrap, const QByteArray &secret) const
{
    const auto refused = [] {
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("That password does not open this database. Nothing was read or changed."));
    };
    if (sodium_init() < 0)
        return makeError(ErrorCode::Unsupported, QStringLiteral("libsodium could not be initialised."));
    if (wrap.salt.size() != crypto_pwhash_SALTBYTES || wrap.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || wrap.sealed.size() != SealingKey::keyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES
        || wrap.passes < crypto_pwhash_OPSLIMIT_MIN || wrap.passes > 64
        || wrap.memoryBytes < qint64(crypto_pwhash_MEMLIMIT_MIN) || wrap.memoryBytes > qint64(1) << 32)
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("The database's key file is damaged."));
    unsigned char *kek = static_cast<unsigned char *>(sodium_malloc(SealingKey::keyBytes));
    unsigned char *plain = static_cast<unsigned char *>(sodium_malloc(SealingKey::keyBytes));
    if (!kek || !plain) {
        sodium_free(kek);
        sodium_free(plain);
        return makeError(ErrorCode::IoError, QStringLiteral("No memory could be locked for the key."));
    }
    const QByteArray ad = QByteArray(format) + wrap.holder.toLatin1();
    const bool opened = crypto_pwhash(kek,
                                      SealingKey::keyBytes,
                                      secret.constData(),
                                      static_cast<unsigned long long>(secret.size()),
                                      reinterpret_cast<const unsigned char *>(wrap.salt.constData()),
                                      wrap.passes,
                                      size_t(wrap.memoryBytes),
                                      crypto_pwhash_ALG_ARGON2ID13)
                            == 0
                        && crypto_aead_xchacha20poly1305_ietf_decrypt(
                               plain,
                               nullptr,
                               nullptr,
                               reinterpret_cast<const unsigned char *>(wrap.sealed.constData()),
                               static_cast<unsigned long long>(wrap.sealed.size()),
                               reinterpret_cast<const unsigned char *>(ad.constData()),
                               static_cast<unsigned long long>(ad.size()),
                               reinterpret_cast<const unsigned char *>(wrap.nonce.constData()),
                               kek)
                               == 0;
    std::shared_ptr<SealingKey> key = opened ? SealingKey::fromBytes(plain, m_fileId) : nullptr;
    sodium_free(kek);
    sodium_free(plain);
    if (!key)
        return refused();
    return key;
}

Result<KeyRing::Created>
KeyRing::create(const QString &account, const QString &password, const PasswordHasher::Cost &cost)
{
    if (sodium_init() < 0)
        return makeError(ErrorCode::Unsupported, QStringLiteral("libsodium could not be initialised."));
    Created created;
    created.ring.m_fileId = SealingKey::newFileId();
    created.key = SealingKey::generate(created.ring.m_fileId);
    if (!created.key)
        return makeError(ErrorCode::IoError, QStringLiteral("No memory could be locked for the key."));
    unsigned char recovery[32];
    randombytes_buf(recovery, sizeof recovery);
    created.recoveryKey = recoveryText(recovery, sizeof recovery);
    sodium_memzero(recovery, sizeof recovery);
    Result<Wrap> byRecovery = seal(recoveryHolder, recoverySecret(created.recoveryKey), *created.key, recoveryCost);
    if (!byRecovery)
        return byRecovery.error();
    created.ring.m_wraps.append(*byRecovery);
    if (Status s = created.ring.wrapFor(account, password, *created.key, cost); !s)
        return s.error();
    return created;
}

Status KeyRing::wrapFor(const QString &account,
                        const QString &password,
                        const SealingKey &key,
                        const PasswordHasher::Cost &cost)
{
    if (account.isEmpty() || password.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A key is wrapped for an account with its password."));
    Result<Wrap> wrap = seal(holderOf(account), password.toUtf8(), key, cost);
    if (!wrap)
        return wrap.error();
    remove(account);
    m_wraps.append(*wrap);
    return {};
}

void KeyRing::remove(const QString &account)
{
    const QString holder = holderOf(account);
    m_wraps.removeIf([&](const Wrap &w) { return w.holder == holder; });
}

bool KeyRing::holds(const QString &account) const
{
    const QString holder = holderOf(account);
    return std::any_of(m_wraps.cbegin(), m_wraps.cend(), [&](const Wrap &w) { return w.holder == holder; });
}

Result<std::shared_ptr<SealingKey>> KeyRing::unwrap(const QString &account, const QString &password) const
{
    const QString holder = holderOf(account);
    for (const Wrap &wrap : m_wraps)
        if (wrap.holder == holder)
            return open(wrap, password.toUtf8());
    return makeError(ErrorCode::PermissionDenied,
                     QStringLiteral("That password does not open this database. Nothing was read or changed."));
}

Result<std::shared_ptr<SealingKey>> KeyRing::unwrapWithRecoveryKey(const QString &recoveryKey) const
{
    for (const Wrap &wrap : m_wraps)
        if (wrap.holder == recoveryHolder) {
            Result<std::shared_ptr<SealingKey>> key = open(wrap, recoverySecret(recoveryKey));
            if (!key)
                return makeError(ErrorCode::PermissionDenied,
                                 QStringLiteral("That recovery key does not open this database. Nothing was read or "
                                                "changed."));
            return key;
        }
    return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("The database's key file has no recovery wrap."));
}

KeyRing KeyRing::forCopy(const QByteArray &fileId) const
{
    KeyRing copy = *this;
    copy.m_fileId = fileId;
    return copy;
}

Status KeyRing::save(const QString &path) const
{
    QJsonArray wraps;
    for (const Wrap &w : m_wraps)
        wraps.append(QJsonObject{{QStringLiteral("holder"), w.holder},
                                 {QStringLiteral("salt"), b64(w.salt)},
                                 {QStringLiteral("passes"), qint64(w.passes)},
                                 {QStringLiteral("memoryBytes"), w.memoryBytes},
                                 {QStringLiteral("nonce"), b64(w.nonce)},
                                 {QStringLiteral("sealed"), b64(w.sealed)}});
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(format)},
                           {QStringLiteral("fileId"), b64(m_fileId)},
                           {QStringLiteral("wraps"), wraps}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson());
    if (!file.commit())
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString()));
    return {};
}

Result<KeyRing> KeyRing::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 is missing: without it the encrypted database beside it cannot be opened "
                                        "(restore it from where IT keeps it, or use the recovery key).")
                             .arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(1024 * 1024 + 1);
    const auto damaged = [&] {
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("%1 is damaged: it is not a key file.").arg(path));
    };
    if (bytes.size() > 1024 * 1024)
        return damaged();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String(format))
        return damaged();
    KeyRing ring;
    ring.m_fileId = QByteArray::fromBase64(root.value(QStringLiteral("fileId")).toString().toLatin1());
    if (ring.m_fileId.size() != SealingKey::fileIdBytes)
        return damaged();
    for (const QJsonValue &v : root.value(QStringLiteral("wraps")).toArray()) {
        const QJsonObject w = v.toObject();
        ring.m_wraps.append(Wrap{w.value(QStringLiteral("holder")).toString(),
                                 QByteArray::fromBase64(w.value(QStringLiteral("salt")).toString().toLatin1()),
                                 static_cast<unsigned long long>(w.value(QStringLiteral("passes")).toInteger()),
                                 w.value(QStringLiteral("memoryBytes")).toInteger(),
                                 QByteArray::fromBase64(w.value(QStringLiteral("nonce")).toString().toLatin1()),
                                 QByteArray::fromBase64(w.value(QStringLiteral("sealed")).toString().toLatin1())});
    }
    return ring;
}

} // namespace FrontDoor
