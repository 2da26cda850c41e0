#pragma once

#include "store/sealedvfs.h"

#include <sodium.h>

// One page's seal (issue 20), used by the encrypting VFS (sealedvfs.cpp, where the construction is described): the
// page's last 40 bytes hold the nonce and tag; the associated data is a version label, the file id and the page
// number; page 1 keeps its first 100 bytes (the database header) in the clear.
namespace FrontDoor::SealedPage {

constexpr int nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES; // 24
constexpr int tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;      // 16
static_assert(nonceBytes + tagBytes == SealedVfs::reservedBytes);
constexpr int headerBytes = 100; // the database file's header, left in the clear

// A page size as SQLite writes it in a header (big-endian, 1 meaning 65536).
int pageSizeFrom(const unsigned char *bytes);
quint32 bigEndian32(const unsigned char *p);

// Seals `size` bytes of page `page` from `in` into `out` (both may be the same), with a fresh random nonce.
void seal(const SealingKey &key, quint32 page, const unsigned char *in, unsigned char *out, int size);
// Opens the seal in place; false when it does not open (damage, another place, another file, another key). The
// seal's bytes are left as zeros: SQLite always sees them so.
bool unseal(const SealingKey &key, quint32 page, unsigned char *bytes, int size);

} // namespace FrontDoor::SealedPage
