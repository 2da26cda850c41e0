#pragma once

#include "access/actor.h"
#include "access/permissions.h"
#include "common/result.h"

namespace FrontDoor {

// The operation × role table, checked by the store on every call that reads or changes a case; the refusal names
// the role, the operation and the case.
Status permitCase(const Actor &actor, Operation operation, const QString &reference);

} // namespace FrontDoor
