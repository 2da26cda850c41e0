#pragma once

#include "commandline.h"

#include <functional>
#include <vector>

namespace FrontDoor {

// A sub-command of `frontdoor` (check, verify-audit, backup …). Each returns the process exit code.
struct Command
{
    QString name;
    QString synopsis;
    QString summary;
    std::function<int(const Options &)> run;
};

namespace Commands {
const std::vector<Command> &all();
int run(const Options &options);
} // namespace Commands

} // namespace FrontDoor
