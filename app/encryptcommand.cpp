#include "encryptcommand.h"

#include "actingperson.h"
#include "recoverykeytext.h"
#include "storecommands.h"

#include "store/audittrail.h"
#include "store/backupfiles.h"
#include "store/databaseencryption.h"
#include "store/databasekeys.h"
#include "store/store.h"

#include <QFileInfo>
#include <QTextStream>

namespace FrontDoor::EncryptCommand {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "frontdoor encrypt: " << message << '\n';
    return 2;
}

} // namespace

int run(const Options &options)
{
    if (!options.commandArguments.isEmpty())
        return fail(QStringLiteral("it takes no file name: frontdoor encrypt [--db PATH] --as ADMIN."));
    if (!options.server.isEmpty() && options.databasePath.isEmpty())
        return fail(QStringLiteral("in team mode the server's disks are its administrators' to encrypt; this command "
                                   "encrypts a standalone database (--db PATH)."));
    if (options.training)
        return fail(QStringLiteral("a training database holds invented cases only: it is not encrypted."));
    const QString path = StoreCommands::databasePath(options);
    if (!QFileInfo::exists(path))
        return fail(QStringLiteral("%1: there is no database here.").arg(path));
    if (DatabaseKeys::isEncrypted(path))
        return fail(QStringLiteral("%1 is already encrypted. Nothing was changed.").arg(path));

    // Who is doing it, and whom it leaves without a key: the other accounts' passwords are not known here, so
    // their wraps come with their next password reset.
    Actor admin;
    QStringList needReset;
    QString password;
    {
        Result<std::unique_ptr<Store>> store = StoreCommands::openStore(options, path);
        if (!store)
            return fail(withBackupAdvice(store.error(), path, options.settings.backupFolder));
        Result<Actor> acting = actingPerson((*store)->accounts(),
                                            options,
                                            Operation::ManageBackups,
                                            QStringLiteral("only an administrator encrypts the database."));
        if (!acting)
            return fail(acting.errorMessage() + QStringLiteral(" Nothing was changed."));
        admin = *acting;
        Result<QList<Account>> accounts = (*store)->accounts().list();
        if (!accounts)
            return fail(accounts.errorMessage());
        for (const Account &account : *accounts)
            if (!account.disabled && account.id != admin.userId)
                needReset.append(account.id);
        bool ok = false;
        password = actingPassword(options, &ok);
    }

    const Store::Options opening = StoreCommands::storeOptions(options);
    Result<DatabaseEncryption::Converted> converted
        = DatabaseEncryption::convert(path, admin.userId, password, opening.passwordCost);
    if (!converted)
        return fail(converted.errorMessage());
    QTextStream out(stdout);
    out << "Encrypted " << path << ": " << converted->referrals << " referrals and " << converted->events
        << " audit events verified in the encrypted file before it replaced the original, whose bytes were "
           "overwritten before it was removed.\n"
        << RecoveryKeyText::forTerminal(path, converted->recoveryKey);
    if (!needReset.isEmpty())
        out << "These accounts cannot open it until an administrator resets their password (frontdoor user reset "
               "NAME --as "
            << admin.userId << "): " << needReset.join(QStringLiteral(", ")) << '\n';

    // The trail says who encrypted it and when; the first encrypted backup is made now, so that a copy of today's
    // records exists that a stolen disk does not give away.
    Result<std::unique_ptr<Store>> store = StoreCommands::openStore(options, path);
    if (!store)
        return fail(store.errorMessage());
    if (Result<qint64> event
        = AuditTrail::record((*store)->database(),
                             {},
                             admin.userId,
                             (*store)->clock().now(),
                             AuditKind::Encrypted,
                             {{QStringLiteral("keyFile"), QFileInfo(converted->keyFile).fileName()}});
        !event)
        QTextStream(stderr) << "frontdoor encrypt: warning: " << event.errorMessage() << '\n';
    Result<Backups::Made> made = (*store)->backUp(admin);
    if (!made)
        return fail(QStringLiteral("the database is encrypted, but its first encrypted backup failed: %1 Run "
                                   "frontdoor backup --as %2 once the cause is mended.")
                        .arg(made.errorMessage(), admin.userId));
    out << "Backed up and verified, encrypted: " << made->file << '\n';
    QStringList plaintextBackups; // those of earlier days (today's plaintext one gave way to this one)
    for (const QString &backup : BackupFiles::list((*store)->backupFolder(), path))
        if (!DatabaseKeys::isEncrypted(backup))
            plaintextBackups.append(backup);
    if (!plaintextBackups.isEmpty())
        out << "The " << plaintextBackups.size() << " backups made before now in " << (*store)->backupFolder()
            << " are NOT encrypted. They are removed as they age out (7 days, 4 weeks, 12 months); remove them "
               "sooner once this encrypted backup is kept safe, and any copies IT keeps elsewhere.\n";
    return 0;
}

} // namespace FrontDoor::EncryptCommand
