#include "store/auditverifier.h"

#include "referral/referraljson.h"
#include "store/database.h"
#include "store/referralrepository.h"
#include "store/referralstate.h"

#include <QSqlError>
#include <QSqlQuery>

namespace FrontDoor {

QString AuditVerifier::Report::summary() const
{
    if (!chain.intact)
        return QStringLiteral("BROKEN at event %1: %2").arg(chain.brokenAt).arg(chain.problem);
    if (!alteredReferral.isEmpty())
        return QStringLiteral("BROKEN: referral %1 holds a state its audit trail does not record (it was changed "
                              "outside Front Door)").arg(alteredReferral);
    return QStringLiteral("OK: %1 events, %2 referrals checked, head %3")
        .arg(chain.events).arg(referralsChecked).arg(chain.headHash);
}

Result<AuditVerifier::Report> AuditVerifier::verify(Database &database)
{
    Report report;
    Result<AuditTrail::Verification> chain = AuditTrail::verifyChain(database);
    if (!chain)
        return chain.error();
    report.chain = *chain;
    if (!chain->intact)
        return report;

    QHash<QString, QString> vouched;
    {
        Result<QSqlQuery *> states = database.exec(QStringLiteral("audit.latestStates"));
        if (!states)
            return states.error();
        while ((*states)->next())
            vouched.insert((*states)->value(0).toString(), (*states)->value(1).toString());
        (*states)->finish();
    }
    QSqlQuery rows(database.connection());
    rows.setForwardOnly(true);
    if (!rows.exec(database.sql().statement(QStringLiteral("referrals.allStates"))))
        return databaseError(rows.lastError(), database.path());
    while (rows.next()) {
        const QString reference = rows.value(0).toString();
        ++report.referralsChecked;
        Result<Referral> referral = ReferralJson::readStored(rows.value(1).toString().toUtf8(), reference);
        const QString state = referral ? auditedStateHash(ReferralState::flatten(*referral), rows.value(2).toString(),
                                                          rows.value(3).toString())
                                       : QString();
        if (state.isEmpty() || vouched.value(reference) != state) {
            report.alteredReferral = reference;
            break;
        }
    }
    return report;
}

} // namespace FrontDoor
