#include "serversignin.h"

#include "passwordprompt.h"

namespace FrontDoor {

Result<std::unique_ptr<Database>> signInToServer(const Options &options, bool forSetup)
{
    if (options.server.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no server is set: give --server CONNECTION or [storage] server."));
    if (options.actingAs.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("say who you are on the server: --as NAME."));
    bool ok = false;
    const QString password
        = PasswordPrompt::read(QStringLiteral("Password for %1 on the server").arg(options.actingAs), &ok);
    if (!ok)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no password was given."));
    const ServerLogin login{options.server, options.actingAs, password};
    return forSetup ? Database::connectForSetup(login) : Database::connect(login);
}

} // namespace FrontDoor
