#pragma once

#include "commandline.h"

namespace FrontDoor::SettingsCommand {

// frontdoor settings: what this machine's Front Door will use — each deployed setting with the file it came from
// (or "built in"), the database and backup folders that follow, and the folders searched for profiles and the
// calendar — for IT checking a deployment. Exit 0, or 1 when a setting in a file could not be used (each named).
int run(const Options &options);

} // namespace FrontDoor::SettingsCommand
