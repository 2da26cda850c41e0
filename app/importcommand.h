#pragma once

#include "commandline.h"

namespace FrontDoor::ImportCommand {

// frontdoor import FILE.json --as NAME: a referral exported by another Front Door (referral JSON schema), read
// strictly — a malformed or hostile file is refused with the place it went wrong — and stored whole or not at all;
// a reference already here is refused. A supervisor, after their password; an audit event names the file.
// Exit 0 imported, 1 refused, 2 unusable arguments or database.
int run(const Options &options);

} // namespace FrontDoor::ImportCommand
