#include "usercommand.h"

#include "actingperson.h"
#include "passwordprompt.h"
#include "recoverykeytext.h"
#include "store/accounts.h"
#include "store/databaselocation.h"
#include "store/encryptedsignin.h"
#include "store/store.h"
#include "storecommands.h"

#include <QFileInfo>
#include <QTextStream>

namespace FrontDoor::UserCommand {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "frontdoor user: " << message << '\n';
    return 2;
}

// The administrator named by --as, after their password.
Result<Actor> administrator(Accounts &accounts, const Options &options)
{
    return actingPerson(accounts, options, Operation::ManageAccounts,
                        QStringLiteral("only an administrator manages accounts."));
}

// The first account of a database that does not exist yet: the administrator, and the database made encrypted
// (issue 20) — its key wrapped for them and under a recovery key, printed once here for information governance.
int createEncrypted(const Options &options, const QString &path, const QString &login)
{
    if (options.name.trimmed().isEmpty())
        return fail(QStringLiteral("give the person's name: --name \"Full Name\"."));
    Result<QString> password = PasswordPrompt::readNew();
    if (!password)
        return fail(password.errorMessage());
    Result<EncryptedSession> created = FrontDoor::createEncrypted(
        path, login, options.name, *password, Clock::system(), StoreCommands::storeOptions(options));
    if (!created)
        return fail(created.errorMessage());
    QTextStream(stdout) << "Created " << created->account.id << " (" << roleDisplayName(created->account.role) << ")\n"
                        << RecoveryKeyText::forTerminal(path, created->recoveryKey);
    return 0;
}

} // namespace

int run(const Options &options)
{
    const QStringList args = options.commandArguments;
    if (args.isEmpty())
        return fail(QStringLiteral("say what to do: add, disable, enable, reset or list."));
    const QString action = args.constFirst();
    const QString path = StoreCommands::databasePath(options);
    // A new live database is encrypted from its first account; training's invented cases are not.
    if (action == QLatin1String("add") && args.size() == 2 && !options.training && !QFileInfo::exists(path))
        return createEncrypted(options, path, args.at(1));
    // Listing only reads: it works on a read-only file or folder (an archive, a copy IT is looking at).
    const bool listing = action == QLatin1String("list");
    Store::Options opening = StoreCommands::storeOptions(options);
    opening.readOnly = listing;
    Result<std::unique_ptr<Store>> store = StoreCommands::openStore(options, path, opening);
    if (!store)
        return fail(withBackupAdvice(store.error(), path, options.settings.backupFolder));
    Accounts &accounts = (*store)->accounts();
    QTextStream out(stdout);

    if (listing && args.size() == 1) {
        Result<QList<Account>> all = accounts.list();
        if (!all)
            return fail(all.errorMessage());
        for (const Account &account : *all)
            out << account.id << '\t' << roleName(account.role) << '\t' << (account.disabled ? "disabled" : "active")
                << '\t' << account.displayName << '\n';
        return 0;
    }
    if (args.size() != 2)
        return fail(QStringLiteral("give one sign-in name: frontdoor user %1 NAME").arg(action));
    const QString login = args.at(1);

    if (action == QLatin1String("add")) {
        const std::optional<Role> role = roleFromName(options.role.isEmpty() ? QStringLiteral("callHandler") : options.role);
        if (!role)
            return fail(QStringLiteral("--role is callHandler, supervisor or administrator."));
        if (options.name.trimmed().isEmpty())
            return fail(QStringLiteral("give the person's name: --name \"Full Name\"."));
        Result<bool> empty = accounts.isEmpty();
        if (!empty)
            return fail(empty.errorMessage());
        Result<Account> created = makeError(ErrorCode::InvalidInput, {});
        if (*empty) {
            Result<QString> password = PasswordPrompt::readNew();
            if (!password)
                return fail(password.errorMessage());
            created = accounts.createFirstAdministrator(login, options.name, *password);
        } else {
            Result<Actor> admin = administrator(accounts, options);
            if (!admin)
                return fail(admin.errorMessage());
            Result<QString> password = PasswordPrompt::readNew();
            if (!password)
                return fail(password.errorMessage());
            created = accounts.create(*admin, login, options.name, *role, *password);
        }
        if (!created)
            return fail(created.errorMessage());
        out << "Created " << created->id << " (" << roleDisplayName(created->role) << ")\n";
        return 0;
    }
    if (action == QLatin1String("disable") || action == QLatin1String("enable") || action == QLatin1String("reset")) {
        Result<Actor> admin = administrator(accounts, options);
        if (!admin)
            return fail(admin.errorMessage());
        if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
            const bool disabling = action == QLatin1String("disable");
            if (Status s = disabling ? accounts.disable(*admin, login) : accounts.enable(*admin, login); !s)
                return fail(s.errorMessage());
            out << (disabling ? "Disabled " : "Enabled ") << Accounts::normalisedId(login) << '\n';
            if (!disabling && accounts.wrapsKeys())
                out << "The database is encrypted and disabling took away their key: reset their password (frontdoor "
                       "user reset "
                    << Accounts::normalisedId(login) << ") so that they can open it again.\n";
            return 0;
        }
        Result<QString> password = PasswordPrompt::readNew();
        if (!password)
            return fail(password.errorMessage());
        if (Status s = accounts.resetPassword(*admin, login, *password); !s)
            return fail(s.errorMessage());
        out << "Password reset for " << Accounts::normalisedId(login) << '\n';
        return 0;
    }
    return fail(QStringLiteral("\"%1\" is not add, disable, enable, reset or list.").arg(action));
}

} // namespace FrontDoor::UserCommand
