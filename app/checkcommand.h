#pragma once

#include "commandline.h"

namespace FrontDoor::CheckCommand {

// frontdoor check FILE.json [--profile ID] [--now TIME]
// Prints the findings as a JSON array, one object per finding. Exit 0: nothing blocks; 1: something blocks;
// 2: the input could not be read (with a message on standard error).
int run(const Options &options);

} // namespace FrontDoor::CheckCommand
