#include "commands.h"

#include "checkcommand.h"

#include <QTextStream>

namespace FrontDoor::Commands {

const std::vector<Command> &all()
{
    static const std::vector<Command> commands{
        {QStringLiteral("check"), QStringLiteral("check FILE.json [--profile ID]"),
         QStringLiteral("check a referral against its procedure; prints the findings as JSON"), &CheckCommand::run},
    };
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
