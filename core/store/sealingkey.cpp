#include "store/sealedvfs.h"

#include <sodium.h>

#include <cstring>

// The key of one sealed database (issue 20) in libsodium's guarded memory.
namespace FrontDoor {

std::shared_ptr<SealingKey> SealingKey::fromBytes(const unsigned char *bytes, const QByteArray &fileId)
{
    if (sodium_init() < 0 || fileId.size() != fileIdBytes)
        return {};
    std::shared_ptr<SealingKey> key(new SealingKey);
    key->m_key = static_cast<unsigned char *>(sodium_malloc(keyBytes));
    if (!key->m_key)
        return {};
    std::memcpy(key->m_key, bytes, keyBytes);
    sodium_mprotect_readonly(key->m_key);
    key->m_fileId = fileId;
    return key;
}

std::shared_ptr<SealingKey> SealingKey::generate(const QByteArray &fileId)
{
    if (sodium_init() < 0)
        return {};
    unsigned char *bytes = static_cast<unsigned char *>(sodium_malloc(keyBytes));
    if (!bytes)
        return {};
    crypto_aead_xchacha20poly1305_ietf_keygen(bytes);
    std::shared_ptr<SealingKey> key = fromBytes(bytes, fileId);
    sodium_free(bytes); // wipes
    return key;
}

std::shared_ptr<SealingKey> SealingKey::forFile(const QByteArray &fileId) const
{
    return fromBytes(m_key, fileId);
}

QByteArray SealingKey::newFileId()
{
    QByteArray id(fileIdBytes, '\0');
    if (sodium_init() >= 0)
        randombytes_buf(id.data(), size_t(id.size()));
    return id;
}

bool SealingKey::stow() const
{
    if (!m_key || m_stowed)
        return m_stowed;
    crypto_generichash(m_check.data(), m_check.size(), m_key, keyBytes, nullptr, 0);
    sodium_mprotect_readwrite(m_key);
    sodium_memzero(m_key, keyBytes);
    sodium_mprotect_noaccess(m_key); // a stray read now faults rather than seal with zeros
    m_stowed = true;
    return true;
}

bool SealingKey::restore(const SealingKey &same) const
{
    if (!m_key || !m_stowed)
        return !m_stowed;
    if (!same.m_key || same.m_stowed || same.m_fileId != m_fileId)
        return false;
    std::array<unsigned char, 32> check{};
    crypto_generichash(check.data(), check.size(), same.m_key, keyBytes, nullptr, 0);
    if (sodium_memcmp(check.data(), m_check.data(), check.size()) != 0)
        return false;
    sodium_mprotect_readwrite(m_key);
    std::memcpy(m_key, same.m_key, keyBytes);
    sodium_mprotect_readonly(m_key);
    sodium_memzero(m_check.data(), m_check.size());
    m_stowed = false;
    return true;
}

SealingKey::~SealingKey()
{
    if (m_key)
        sodium_free(m_key); // zeroes it before the pages are released
}

} // namespace FrontDoor
