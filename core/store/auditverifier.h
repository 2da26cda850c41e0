#pragma once

#include "store/audittrail.h"

namespace FrontDoor {

// `frontdoor verify-audit`: the whole chain (AuditTrail::verifyChain), then every referral's stored state against
// the state its latest audit event vouches for — so a referral edited behind the app's back is caught too.
class AuditVerifier
{
public:
    struct Report
    {
        AuditTrail::Verification chain;
        int referralsChecked = 0;
        QString alteredReferral; // the first referral whose stored state its trail does not vouch for
        bool intact() const { return chain.intact && alteredReferral.isEmpty(); }
        QString summary() const;
    };
    static Result<Report> verify(Database &database);
};

} // namespace FrontDoor
