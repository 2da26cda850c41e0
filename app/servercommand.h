#pragma once

#include "commandline.h"

namespace FrontDoor::ServerCommand {

// frontdoor server init --server CONNECTION --as DBA     the schema, group roles, grants, row-level security and
//                                                        functions, once, in an empty database
// frontdoor server migrate --server CONNECTION --as DBA  the steps the server's schema lacks
// frontdoor server status --server CONNECTION --as NAME  the schema's version, and the chain checked on the server
int run(const Options &options);

} // namespace FrontDoor::ServerCommand
