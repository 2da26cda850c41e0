#pragma once

#include "commandline.h"

#include "store/database.h"

#include <memory>

namespace FrontDoor {

// Team mode (issue 19): the server a command uses (--server, else [storage] server) and the person it signs in as
// (--as NAME, their password read from the terminal or standard input, never the arguments). `forSetup`: the schema
// may be missing or old (server init and migrate, run by a database administrator).
Result<std::unique_ptr<Database>> signInToServer(const Options &options, bool forSetup = false);

} // namespace FrontDoor
