#include "store/teamsignin.h"

#include "store/audittrail.h"

#include <QSysInfo>

namespace FrontDoor {

Result<TeamSession> signInToTeam(const QString &connection,
                                 const QString &name,
                                 const QString &password,
                                 const Clock &clock,
                                 const Store::Options &options)
{
    const QString id = Accounts::normalisedId(name);
    if (id.isEmpty() || password.isEmpty())
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("That name and password are not right."));
    Result<std::unique_ptr<Store>> store = Store::connect(ServerLogin{connection, id, password}, clock, options);
    if (!store) {
        if (store.error().code == ErrorCode::PermissionDenied)
            return makeError(ErrorCode::PermissionDenied,
                             store.errorMessage().contains(QLatin1String("disabled"))
                                 ? QStringLiteral("This account is disabled. Ask an administrator.")
                                 : QStringLiteral("That name and password are not right."));
        return store.error();
    }
    const Account account = *(*store)->serverAccount(); // found as the store connected
    Result<qint64> recorded = AuditTrail::record((*store)->database(),
                                                 {},
                                                 id,
                                                 clock.now(),
                                                 AuditKind::SignedIn,
                                                 {{QStringLiteral("workstation"), (*store)->workstation()}});
    if (!recorded)
        return recorded.error();
    SpoolDelivery delivered;
    if (OfflineSpool *spool = (*store)->spool(); spool && spool->count() > 0)
        delivered = spool->deliver();
    return TeamSession{std::move(*store), account, delivered};
}

} // namespace FrontDoor
