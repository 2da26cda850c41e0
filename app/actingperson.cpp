#include "actingperson.h"

#include "passwordprompt.h"

namespace FrontDoor {

namespace {

struct TypedPassword
{
    QString name;
    QString password;
    bool read = false;
    bool ok = false;
};

TypedPassword &typed()
{
    static TypedPassword once; // a command's lifetime: one person, one password
    return once;
}

} // namespace

QString actingPassword(const Options &options, bool *ok)
{
    TypedPassword &t = typed();
    if (!t.read || t.name != options.actingAs) {
        t.name = options.actingAs;
        t.password = PasswordPrompt::read(QStringLiteral("Password of %1").arg(options.actingAs), &t.ok);
        t.read = true;
    }
    *ok = t.ok;
    return t.password;
}

Result<Actor> actingPerson(Accounts &accounts, const Options &options, Operation operation, const QString &refusal)
{
    if (options.actingAs.isEmpty())
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("say who is doing this: --as NAME."));
    bool ok = false;
    const QString password = actingPassword(options, &ok);
    Result<Account> account = accounts.signIn(options.actingAs, password);
    if (!account)
        return account.error();
    if (!isAllowed(account->role, operation))
        return makeError(ErrorCode::PermissionDenied, refusal);
    return Actor{account->id, account->role};
}

} // namespace FrontDoor
