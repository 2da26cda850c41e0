#include "commands.h"

#include <QTextStream>

namespace FrontDoor::Commands {

const std::vector<Command> &all()
{
    static const std::vector<Command> commands{};
    return commands;
}

int run(const Options &options)
{
    for (const Command &command : all()) {
        if (command.name == options.command)
            return command.run(options);
    }
    QTextStream(stderr) << "Unknown command: " << options.command << '\n';
    return 2;
}

} // namespace FrontDoor::Commands
