#include "store/sealedpage.h"

#include <cstring>

namespace FrontDoor::SealedPage {

namespace {

constexpr char label[] = "frontdoor-seal-1";

void associatedData(unsigned char *ad, const SealingKey &key, quint32 page)
{
    std::memcpy(ad, label, sizeof label - 1);
    std::memcpy(ad + sizeof label - 1, key.fileId().constData(), SealingKey::fileIdBytes);
    unsigned char *p = ad + sizeof label - 1 + SealingKey::fileIdBytes;
    p[0] = page >> 24;
    p[1] = page >> 16;
    p[2] = page >> 8;
    p[3] = page;
}
constexpr int adBytes = sizeof label - 1 + SealingKey::fileIdBytes + 4;

} // namespace

int pageSizeFrom(const unsigned char *bytes)
{
    const int size = (bytes[0] << 8) | bytes[1];
    return size == 1 ? 65536 : size;
}

quint32 bigEndian32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

void seal(const SealingKey &key, quint32 page, const unsigned char *in, unsigned char *out, int size)
{
    const int start = page == 1 ? headerBytes : 0;
    const int sealed = size - SealedVfs::reservedBytes - start;
    if (out != in)
        std::memcpy(out, in, size_t(size));
    unsigned char *nonce = out + size - SealedVfs::reservedBytes;
    unsigned char *tag = nonce + nonceBytes;
    randombytes_buf(nonce, nonceBytes);
    unsigned char ad[adBytes];
    associatedData(ad, key, page);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out + start,
                                                        tag,
                                                        nullptr,
                                                        out + start,
                                                        static_cast<unsigned long long>(sealed),
                                                        ad,
                                                        adBytes,
                                                        nullptr,
                                                        nonce,
                                                        key.key());
}

bool unseal(const SealingKey &key, quint32 page, unsigned char *bytes, int size)
{
    const int start = page == 1 ? headerBytes : 0;
    const int sealed = size - SealedVfs::reservedBytes - start;
    if (sealed <= 0)
        return false;
    const unsigned char *nonce = bytes + size - SealedVfs::reservedBytes;
    const unsigned char *tag = nonce + nonceBytes;
    unsigned char ad[adBytes];
    associatedData(ad, key, page);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(bytes + start,
                                                            nullptr,
                                                            bytes + start,
                                                            static_cast<unsigned long long>(sealed),
                                                            tag,
                                                            ad,
                                                            adBytes,
                                                            nonce,
                                                            key.key())
        != 0)
        return false;
    // SQLite sees the seal's bytes as zeros, always: the WAL checksum it computes over a page as it writes it must
    // match the page read back after a crash, when the file holds a new nonce and tag (found by the SIGKILL test).
    sodium_memzero(bytes + size - SealedVfs::reservedBytes, SealedVfs::reservedBytes);
    return true;
}

} // namespace FrontDoor::SealedPage
