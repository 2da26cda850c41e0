#pragma once

#include "common/result.h"

#include <QString>

namespace FrontDoor::PasswordPrompt {

// Reads one password: from the terminal without echo (prompting on standard error), or one line of standard input
// when it is not a terminal (scripts, tests). Passwords are never taken from the command line, where other users
// of the machine could read them in the process list.
QString read(const QString &prompt, bool *ok);

// A new password, typed twice; an error when none is given or the two differ.
Result<QString> readNew();

} // namespace FrontDoor::PasswordPrompt
