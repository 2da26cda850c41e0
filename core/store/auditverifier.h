#pragma once

#include "store/audittrail.h"

#include <QStringList>

namespace FrontDoor {

// `frontdoor verify-audit`: everything that decides what people see, proved against the trail (issue 17):
// - the whole chain (AuditTrail::verifyChain);
// - the append-only triggers, present and unaltered (SchemaGuards);
// - every referral's stored state against the state its latest audit event vouches for, and every referral the
//   trail says was begun still present;
// - every row derived from a referral — the queue's columns, the search entry, the known-child keys, the follow-up
//   actions — against the same rows recomputed from the referral (DerivedRows), and none without its referral;
// - the accounts and the sign-in failures against the account events (AccountTrail).
class AuditVerifier
{
public:
    struct Report
    {
        AuditTrail::Verification chain;
        int referralsChecked = 0;
        int accountsChecked = 0;
        QString alteredReferral; // the first referral whose stored state its trail does not vouch for
        QStringList findings;    // everything found, each naming the row and what differs
        bool intact() const { return chain.intact && findings.isEmpty(); }
        QString summary() const;
    };
    static Result<Report> verify(Database &database);
};

} // namespace FrontDoor
