#include "importcommand.h"

#include "actingperson.h"
#include "storecommands.h"

#include "common/boundedread.h"
#include "profile/profileloader.h"
#include "referral/referraljson.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace FrontDoor::ImportCommand {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "frontdoor import: " << message << '\n';
    return code;
}

} // namespace

int run(const Options &options)
{
    if (options.commandArguments.size() != 1)
        return fail(2, QStringLiteral("say which file: frontdoor import FILE.json --as NAME."));
    const QString file = options.commandArguments.constFirst();
    // The same strict reader as `check`: what one refuses to read, the other refuses too.
    const Result<QByteArray> bytes = BoundedRead::file(file, ReferralJson::largestFileBytes);
    if (!bytes)
        return fail(2, bytes.errorMessage());
    const Result<Referral> referral = ReferralJson::parse(*bytes, QFileInfo(file).fileName());
    if (!referral)
        return fail(1, referral.errorMessage() + QStringLiteral(" Nothing was imported."));
    const Result<Profile> profile = ProfileLoader::byId(referral->profileId);
    if (!profile)
        return fail(1, profile.errorMessage() + QStringLiteral(" Nothing was imported."));

    const QString path = StoreCommands::databasePath(options);
    Result<std::unique_ptr<Store>> store = StoreCommands::openStore(options, path);
    if (!store)
        return fail(2, withBackupAdvice(store.error(), path, options.settings.backupFolder));
    Accounts &accounts = (*store)->accounts();
    Result<Actor> actor = actingPerson(accounts, options, Operation::ExportOrPrint,
                                       QStringLiteral("only a supervisor imports a referral."));
    if (!actor)
        return fail(1, actor.errorMessage());
    Result<SaveReceipt> imported = (*store)->referrals().importReferral(*referral, *profile, *actor, QFileInfo(file).fileName());
    if (!imported)
        return fail(1, imported.errorMessage());
    QTextStream(stdout) << "Imported " << referral->reference << " from " << file << '\n';
    return 0;
}

} // namespace FrontDoor::ImportCommand
