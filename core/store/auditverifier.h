#pragma once

#include "store/anchorlog.h"
#include "store/audittrail.h"

#include <QStringList>

#include <optional>

namespace FrontDoor {

// `frontdoor verify-audit`: everything that decides what people see, proved against the trail (issue 17):
// - the whole chain (AuditTrail::verifyChain);
// - the append-only triggers, present and unaltered (SchemaGuards);
// - every referral's stored state against the state its latest audit event vouches for, and every referral the
//   trail says was begun still present;
// - every row derived from a referral — the queue's columns, the search entry, the known-child keys, the follow-up
//   actions — against the same rows recomputed from the referral (DerivedRows), and none without its referral;
// - the accounts and the sign-in failures against the account events (AccountTrail).
//
// A full run reads every row: minutes at 100,000 referrals. A run from a checkpoint (issue 21) — the last head a
// passing run wrote to the anchor log — walks only the events after it, re-verifies only the referrals those events
// touched (state and derived rows), and still checks the guards, the accounts, every referral begun still present
// and every anchored head still in the trail. What it cannot see: a referral's row or derived rows changed behind
// Front Door's back with no event after the checkpoint — that is what the full run (`verify-audit --full`) is for.
class AuditVerifier
{
public:
    struct Report
    {
        AuditTrail::Verification chain;
        int referralsChecked = 0;
        int accountsChecked = 0;
        int anchorsChecked = 0;
        std::optional<Anchor> checkpoint; // where the run started; none: a full run
        std::optional<Anchor> lastFull;   // the last full run the anchor log records, for a run from a checkpoint
        QString alteredReferral;          // the first referral whose stored state its trail does not vouch for
        QStringList findings;             // everything found, each naming the row and what differs
        bool intact() const { return chain.intact && findings.isEmpty(); }
        QString summary() const;
    };
    // Every event, referral, derived row and account.
    static Result<Report> verify(Database &database);
    // Only what came after `checkpoint` (a head verified before), with the checks every run makes.
    static Result<Report> verifySince(Database &database, const Anchor &checkpoint);

    enum class Scope { SinceCheckpoint, Full };
    // The usual run: every head `which` selects in `anchorFile` (this database's, since its last restore) must still
    // be in the trail; then from the last verified head there, or in full when asked, when there is none or the
    // anchors fail. A missing anchor file means a full run.
    static Result<Report>
    verifyAnchored(Database &database, const QString &anchorFile, Scope scope, const AnchorSelection &which);
    // The occasion a passing run records its head under: the next run's checkpoint.
    static QString verifiedOccasion(const Report &report);
};

} // namespace FrontDoor
