#include "store/caseaccess.h"

namespace FrontDoor {

Status permitCase(const Actor &actor, Operation operation, const QString &reference)
{
    if (isAllowed(actor.role, operation))
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     QStringLiteral("A %1 may not %2 (%3).")
                         .arg(roleDisplayName(actor.role).toLower(), operationName(operation), reference));
}

} // namespace FrontDoor
