#pragma once

#include "commandline.h"

namespace FrontDoor::ServerUserCommand {

// `frontdoor user …` in team mode: the accounts are the server's login roles (core/store/serveraccounts.h), managed
// by an administrator signed in to the server with --as (or, for the first one, the database administrator).
int run(const Options &options);

} // namespace FrontDoor::ServerUserCommand
