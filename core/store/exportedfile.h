#pragma once

#include "common/result.h"

#include <QString>

namespace FrontDoor::ExportedFile {

// A file that leaves the building is kept only with its audit event: given how recording the event went, removes
// the file at `path` when it failed and says so; passes success through.
Status keepOnlyIfAudited(const Status &audited, const QString &path);

} // namespace FrontDoor::ExportedFile
