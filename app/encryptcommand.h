#pragma once

#include "commandline.h"

namespace FrontDoor::EncryptCommand {

// frontdoor encrypt [--db PATH] --as ADMIN (issue 20): an existing plaintext database becomes an encrypted one,
// verified before it replaces the original; the recovery key is printed once, the accounts that must have their
// password reset are named, and a first encrypted backup is made.
int run(const Options &options);

} // namespace FrontDoor::EncryptCommand
