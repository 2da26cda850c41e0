// One case is edited by one instance at a time (issue 4: two processes on one database). Two stores on one file
// stand for two programs; the two-process test with real processes is in test_processes.cpp.

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/audittrail.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("A case open in one instance is read-only in another, which is told who holds it")
{
    StoreFixture f;
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->locks().acquire(d.referral.reference, handler));

    Store::Options second;
    second.workstation = QStringLiteral("desk-2");
    Result<std::unique_ptr<Store>> other = Store::open(f.path, f.clock, second);
    REQUIRE(other);
    Result<LockHolder> refused = (*other)->locks().acquire(d.referral.reference, otherHandler);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.errorMessage().contains(handler.userId));

    Referral theirs = (*other)->referrals().load(d.referral.reference)->referral;
    theirs.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Overwrite")));
    Result<SaveReceipt> save = (*other)->referrals().save(theirs, d.revision, supervisor); // may edit any draft — not this one now
    REQUIRE_FALSE(save);
    CHECK(save.errorMessage().contains(QStringLiteral("can only be read here")));

    // The holder saves as usual; after release the other may take it.
    Referral mine = d.referral;
    mine.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Mine")));
    REQUIRE(f->referrals().save(mine, d.revision, handler));
    REQUIRE(f->locks().release(d.referral.reference));
    CHECK((*other)->locks().acquire(d.referral.reference, otherHandler));
}

TEST_CASE("A stale lock (no heartbeat) can be taken over, and the takeover is audited")
{
    StoreFixture f;
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->locks().acquire(d.referral.reference, handler));
    Result<std::unique_ptr<Store>> other = Store::open(f.path, f.clock, Store::Options{});
    REQUIRE(other);

    CHECK_FALSE((*other)->locks().takeOver(d.referral.reference, otherHandler)); // still live
    f.clock.advance(CaseLocks::heartbeatMsecs);
    REQUIRE(f->locks().renew(d.referral.reference));                           // the heartbeat keeps it
    f.clock.advance(CaseLocks::leaseMsecs - 1000);
    CHECK_FALSE((*other)->locks().takeOver(d.referral.reference, otherHandler));
    f.clock.advance(2000);                                                      // the holder went silent
    Result<LockHolder> acquire = (*other)->locks().acquire(d.referral.reference, otherHandler);
    REQUIRE_FALSE(acquire);
    CHECK(acquire.errorMessage().contains(QStringLiteral("stopped answering")));
    REQUIRE((*other)->locks().takeOver(d.referral.reference, otherHandler));

    const QList<AuditEvent> events = AuditTrail::forReferral(f->database(), d.referral.reference).value();
    REQUIRE(events.last().kind == QStringLiteral("lockTakenOver"));
    CHECK(events.last().user == otherHandler.userId);
    CHECK(events.last().payload.value(QStringLiteral("previousHolder")).toString() == handler.userId);
    CHECK_FALSE(f->locks().renew(d.referral.reference)); // the old holder learns it lost the lock
}
