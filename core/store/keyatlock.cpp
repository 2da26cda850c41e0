#include "store/keyatlock.h"

#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/database.h"
#include "store/databasekeys.h"
#include "store/sealedvfs.h"
#include "store/store.h"

#include <QJsonObject>

namespace FrontDoor {

KeyAtLock::KeyAtLock(Store &store, Actor actor)
    : m_store(store)
    , m_actor(std::move(actor))
{}

Status KeyAtLock::wipe()
{
    return m_store.database().wipeKey();
}

bool KeyAtLock::isWiped() const
{
    return m_store.database().isKeyWiped();
}

Status KeyAtLock::unlock(const QString &password)
{
    Database &database = m_store.database();
    if (database.isKeyWiped()) {
        Result<std::shared_ptr<SealingKey>> key = DatabaseKeys::unlock(database.path(), m_actor.userId, password);
        if (!key) {
            if (key.error().code != ErrorCode::PermissionDenied)
                return key.error(); // the key file is missing or damaged: say so, not "wrong password"
            ++m_wrongWhileWiped;
            return makeError(ErrorCode::PermissionDenied, QStringLiteral("That password is not right."));
        }
        if (Status restored = database.restoreKey(**key); !restored)
            return restored;
        if (m_wrongWhileWiped > 0) {
            // Recorded now, in the trail, as wrong passwords on confirmation are; the time is the unlock's.
            Result<qint64> recorded
                = AuditTrail::record(database,
                                     {},
                                     m_actor.userId,
                                     m_store.clock().now(),
                                     AuditKind::SignInFailed,
                                     {{QStringLiteral("reason"),
                                       QStringLiteral("wrong password at the lock screen while the key was wiped")},
                                      {QStringLiteral("attempts"), m_wrongWhileWiped}});
            if (!recorded)
                return recorded.error();
            m_wrongWhileWiped = 0;
        }
    }
    return m_store.accounts().confirmPassword(m_actor, password);
}

} // namespace FrontDoor
