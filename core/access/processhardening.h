#pragma once

#include "common/result.h"

namespace FrontDoor::ProcessHardening {

// No core dumps and no ptrace attach by other processes of the same user: a crash must not write a child's record
// to disk outside the database (RLIMIT_CORE = 0, PR_SET_DUMPABLE = 0). Called first thing in main().
Status disableCoreDumps();
// Whether the process is protected now (for the test and --version diagnostics).
bool coreDumpsDisabled();

} // namespace FrontDoor::ProcessHardening
