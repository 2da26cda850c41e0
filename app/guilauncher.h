#pragma once

#include "commandline.h"

namespace FrontDoor::GuiLauncher {

// Prepares the database location, then shows the main window and runs the event loop.
int run(const Options &options);

} // namespace FrontDoor::GuiLauncher
