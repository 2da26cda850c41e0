#include "serverusercommand.h"

#include "passwordprompt.h"
#include "serversignin.h"

#include "store/serveraccounts.h"

#include <QTextStream>

namespace FrontDoor::ServerUserCommand {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "frontdoor user: " << message << '\n';
    return 2;
}

} // namespace

int run(const Options &options)
{
    const QStringList args = options.commandArguments;
    if (args.isEmpty())
        return fail(QStringLiteral("say what to do: add, disable, enable, reset or list."));
    const QString action = args.constFirst();
    if (action != QLatin1String("list") && args.size() != 2)
        return fail(QStringLiteral("give one sign-in name: frontdoor user %1 NAME").arg(action));
    Result<std::unique_ptr<Database>> server = signInToServer(options);
    if (!server)
        return fail(server.errorMessage());
    ServerAccounts accounts(**server, Clock::system());
    QTextStream out(stdout);
    if (action == QLatin1String("list")) {
        Result<QList<Account>> all = accounts.list();
        if (!all)
            return fail(all.errorMessage());
        for (const Account &account : *all)
            out << account.id << '\t' << roleName(account.role) << '\t' << (account.disabled ? "disabled" : "active")
                << '\t' << account.displayName << '\n';
        return 0;
    }
    const QString login = args.at(1);
    if (action == QLatin1String("add")) {
        const std::optional<Role> role
            = roleFromName(options.role.isEmpty() ? QStringLiteral("callHandler") : options.role);
        if (!role)
            return fail(QStringLiteral("--role is callHandler, supervisor or administrator."));
        if (options.name.trimmed().isEmpty())
            return fail(QStringLiteral("give the person's name: --name \"Full Name\"."));
        Result<QString> password = PasswordPrompt::readNew();
        if (!password)
            return fail(password.errorMessage());
        Result<Account> created = accounts.create(login, options.name, *role, *password);
        if (!created)
            return fail(created.errorMessage());
        out << "Created " << created->id << " (" << roleDisplayName(created->role) << ") on the server\n";
        return 0;
    }
    if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
        const bool disabling = action == QLatin1String("disable");
        if (Status s = accounts.setDisabled(login, disabling); !s)
            return fail(s.errorMessage());
        out << (disabling ? "Disabled " : "Enabled ") << Accounts::normalisedId(login) << " on the server\n";
        return 0;
    }
    if (action == QLatin1String("reset")) {
        Result<QString> password = PasswordPrompt::readNew();
        if (!password)
            return fail(password.errorMessage());
        if (Status s = accounts.resetPassword(login, *password); !s)
            return fail(s.errorMessage());
        out << "Password reset for " << Accounts::normalisedId(login) << " on the server\n";
        return 0;
    }
    return fail(QStringLiteral("\"%1\" is not add, disable, enable, reset or list.").arg(action));
}

} // namespace FrontDoor::ServerUserCommand
