#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace FrontDoor {

class SealingKey;

// How one file of the offline spool is sealed (issue 19): XChaCha20-Poly1305 with the person's spool key (kept on
// the server, store/offlinespool.h), a fresh random nonce per write, and the file's own name bound in as associated
// data — a file renamed (its place in the typing order) or moved to another person's or server's spool does not
// open. Layout: an 8-byte label, the 24-byte nonce, the sealed bytes with their 16-byte tag.
namespace SpoolSeal {

QByteArray seal(const SealingKey &key, const QString &fileName, const QByteArray &plain);
// nullopt when it does not open: damaged, renamed, another key, or not sealed at all.
std::optional<QByteArray> open(const SealingKey &key, const QString &fileName, const QByteArray &sealed);

} // namespace SpoolSeal
} // namespace FrontDoor
