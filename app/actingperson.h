#pragma once

#include "commandline.h"

#include "access/permissions.h"
#include "store/accounts.h"

namespace FrontDoor {

// The person a command acts as: --as NAME, their password read from the terminal or standard input (never the
// arguments), and a role that allows `operation` — `refusal` says who may, when theirs does not.
Result<Actor> actingPerson(Accounts &accounts, const Options &options, Operation operation, const QString &refusal);

} // namespace FrontDoor
