#include "store/spoolseal.h"

#include "store/sealedvfs.h"

#include <sodium.h>

#include <cstring>

namespace FrontDoor::SpoolSeal {

namespace {

constexpr char label[] = "FDSPOOL2"; // the format; also bound into the seal
constexpr qsizetype labelBytes = sizeof(label) - 1;
constexpr qsizetype nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// What the seal vouches for besides the bytes: the format, whose spool (the key's id: server and person), which file.
QByteArray associated(const SealingKey &key, const QString &fileName)
{
    return QByteArray(label, labelBytes) + key.fileId() + fileName.toUtf8();
}

} // namespace

QByteArray seal(const SealingKey &key, const QString &fileName, const QByteArray &plain)
{
    const QByteArray with = associated(key, fileName);
    QByteArray out(labelBytes + nonceBytes + plain.size() + tagBytes, '\0');
    std::memcpy(out.data(), label, labelBytes);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + labelBytes);
    randombytes_buf(nonce, nonceBytes);
    unsigned long long sealedBytes = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes,
                                               &sealedBytes,
                                               reinterpret_cast<const unsigned char *>(plain.constData()),
                                               static_cast<unsigned long long>(plain.size()),
                                               reinterpret_cast<const unsigned char *>(with.constData()),
                                               static_cast<unsigned long long>(with.size()),
                                               nullptr,
                                               nonce,
                                               key.key());
    out.truncate(labelBytes + nonceBytes + qsizetype(sealedBytes));
    return out;
}

std::optional<QByteArray> open(const SealingKey &key, const QString &fileName, const QByteArray &sealed)
{
    if (sealed.size() < labelBytes + nonceBytes + tagBytes || !sealed.startsWith(QByteArray(label, labelBytes)))
        return std::nullopt;
    const QByteArray with = associated(key, fileName);
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData() + labelBytes);
    const qsizetype body = sealed.size() - labelBytes - nonceBytes;
    QByteArray plain(body - tagBytes, '\0');
    unsigned long long plainBytes = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()),
                                                   &plainBytes,
                                                   nullptr,
                                                   nonce + nonceBytes,
                                                   static_cast<unsigned long long>(body),
                                                   reinterpret_cast<const unsigned char *>(with.constData()),
                                                   static_cast<unsigned long long>(with.size()),
                                                   nonce,
                                                   key.key())
        != 0)
        return std::nullopt;
    plain.truncate(qsizetype(plainBytes));
    return plain;
}

} // namespace FrontDoor::SpoolSeal
