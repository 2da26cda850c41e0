#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace FrontDoor::BoundedRead {

// Reads a file, a device or a pipe a chunk at a time and stops after `most` + 1 bytes, whatever size the file
// system reports (/dev/zero and a FIFO report none): the caller sees more than `most` and refuses it by name, having
// held at most that much in memory. An error names the path when it cannot be opened or read.
Result<QByteArray> file(const QString &path, qint64 most);

} // namespace FrontDoor::BoundedRead
