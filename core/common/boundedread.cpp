#include "common/boundedread.h"

#include <QFile>

namespace FrontDoor::BoundedRead {

Result<QByteArray> file(const QString &path, qint64 most)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(ErrorCode::IoError, QStringLiteral("%1: cannot be read: %2").arg(path, input.errorString()));
    QByteArray bytes;
    constexpr qint64 chunk = 1 << 20;
    while (bytes.size() <= most) {
        const QByteArray part = input.read(std::min(chunk, most + 1 - bytes.size()));
        if (part.isEmpty()) {
            if (input.error() != QFileDevice::NoError)
                return makeError(ErrorCode::IoError,
                                 QStringLiteral("%1: cannot be read: %2").arg(path, input.errorString()));
            break; // the end
        }
        bytes += part;
    }
    return bytes;
}

} // namespace FrontDoor::BoundedRead
