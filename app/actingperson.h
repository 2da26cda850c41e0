#pragma once

#include "commandline.h"

#include "access/permissions.h"
#include "store/accounts.h"

namespace FrontDoor {

// The person a command acts as: --as NAME, their password read from the terminal or standard input (never the
// arguments), and a role that allows `operation` — `refusal` says who may, when theirs does not.
Result<Actor> actingPerson(Accounts &accounts, const Options &options, Operation operation, const QString &refusal);

// The --as person's password, read once per command: an encrypted database's key and the sign-in after it both ask
// for it (issue 20). `ok` is false when nothing could be read.
QString actingPassword(const Options &options, bool *ok);

} // namespace FrontDoor
