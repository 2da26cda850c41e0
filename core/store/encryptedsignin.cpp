#include "encryptedsignin.h"

#include "store/databasekeys.h"

namespace FrontDoor {

Result<EncryptedSession> signInToEncrypted(const QString &path,
                                           const QString &name,
                                           const QString &password,
                                           const Clock &clock,
                                           const Store::Options &options)
{
    Result<std::shared_ptr<SealingKey>> key = DatabaseKeys::unlock(path, name, password);
    if (!key) {
        if (key.error().code == ErrorCode::PermissionDenied) // as a wrong password on a plaintext file says it
            return makeError(ErrorCode::PermissionDenied, QStringLiteral("The name or the password is not right."));
        return key.error();
    }
    Store::Options opening = options;
    opening.sealing = *key;
    Result<std::unique_ptr<Store>> store = Store::open(path, clock, opening);
    if (!store)
        return makeError(store.error().code, withBackupAdvice(store.error(), path, opening.backupFolder, *key));
    Result<Account> account = (*store)->accounts().signIn(name, password);
    if (!account)
        return account.error();
    return EncryptedSession{std::move(*store), *account, {}};
}

Result<EncryptedSession> createEncrypted(const QString &path,
                                         const QString &login,
                                         const QString &fullName,
                                         const QString &password,
                                         const Clock &clock,
                                         const Store::Options &options)
{
    if (Status acceptable = Accounts::checkNew(login, fullName, password); !acceptable)
        return acceptable.error();
    Result<KeyRing::Created> key = DatabaseKeys::createFor(path, login, password, options.passwordCost);
    if (!key)
        return key.error();
    Store::Options opening = options;
    opening.sealing = key->key;
    EncryptedSession session;
    Result<Account> account = makeError(ErrorCode::InvalidInput, QString());
    {
        Result<std::unique_ptr<Store>> store = Store::open(path, clock, opening);
        account = store ? (*store)->accounts().createFirstAdministrator(login, fullName, password)
                        : Result<Account>(store.error());
        if (account)
            session.store = std::move(*store);
    }
    if (!account) {
        DatabaseKeys::discardNew(path); // nothing was in it: no one could have signed in
        return account.error();
    }
    session.account = *account;
    session.recoveryKey = key->recoveryKey;
    return session;
}

} // namespace FrontDoor
