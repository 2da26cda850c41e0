#include "actingperson.h"

#include "passwordprompt.h"

namespace FrontDoor {

Result<Actor> actingPerson(Accounts &accounts, const Options &options, Operation operation, const QString &refusal)
{
    if (options.actingAs.isEmpty())
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("say who is doing this: --as NAME."));
    bool ok = false;
    const QString password = PasswordPrompt::read(QStringLiteral("Password of %1").arg(options.actingAs), &ok);
    Result<Account> account = accounts.signIn(options.actingAs, password);
    if (!account)
        return account.error();
    if (!isAllowed(account->role, operation))
        return makeError(ErrorCode::PermissionDenied, refusal);
    return Actor{account->id, account->role};
}

} // namespace FrontDoor
