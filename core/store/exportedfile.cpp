#include "store/exportedfile.h"

#include <QFile>

namespace FrontDoor::ExportedFile {

Status keepOnlyIfAudited(const Status &audited, const QString &path)
{
    if (audited)
        return {};
    QFile::remove(path);
    return makeError(audited.error().code,
                     QStringLiteral("The export could not be recorded in the audit trail, so the file was not kept: %1")
                         .arg(audited.errorMessage()));
}

} // namespace FrontDoor::ExportedFile
