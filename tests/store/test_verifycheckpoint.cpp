// verify-audit from a checkpoint (issue 21): a run starts at the last head a passing run recorded in the anchor log,
// walks only the events after it and re-verifies only the referrals they touched, while still checking every
// anchored head, every referral begun, the guards and the accounts. A full run is still there on demand.

#include <catch2/catch.hpp>

#include "verifyfixture.h"

#include "store/anchorlog.h"

#include <QFileInfo>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// As verify-audit runs: `f`'s file opened read-only (and left open), checked against the anchor log `anchors`.
AuditVerifier::Report verifiedAgainst(StoreFixture &f,
                                      const QString &anchors,
                                      AuditVerifier::Scope scope = AuditVerifier::Scope::SinceCheckpoint)
{
    Store::Options readOnly;
    readOnly.readOnly = true;
    f.reopen(readOnly);
    Result<AuditVerifier::Report> report
        = AuditVerifier::verifyAnchored(f->database(), anchors, scope, AnchorLog::selectionFor(f->database().path()));
    REQUIRE(report);
    return *report;
}

// Filled, with one full run recorded as the anchor log's checkpoint, as the first verify-audit or backup leaves it.
struct Checkpointed : Filled
{
    QString anchors;
    AuditVerifier::Report first;

    Checkpointed()
    {
        anchors = f.dir.filePath(QStringLiteral("anchors/ws-frontdoor.sqlite.anchors"));
        first = run(AuditVerifier::Scope::SinceCheckpoint);
        REQUIRE(first.intact());
        REQUIRE_FALSE(first.checkpoint); // no checkpoint yet: a full run
    }

    // As verify-audit runs: read-only, against the anchor log, then the head recorded when it passed.
    AuditVerifier::Report run(AuditVerifier::Scope scope)
    {
        const AuditVerifier::Report report = verifiedAgainst(f, anchors, scope);
        if (report.intact()) {
            AnchorLog log(f->database(), f.clock, anchors, QStringLiteral("ws"));
            REQUIRE(log.appendHead(
                report.chain.headSequence, report.chain.headHash, AuditVerifier::verifiedOccasion(report)));
        }
        f.close();
        return report;
    }

    // A day's work after the checkpoint: one draft discarded (events that touch one referral).
    QString discardADraft()
    {
        f.reopen();
        const QString draft = f.rawValue(QStringLiteral("SELECT reference FROM referrals WHERE status = 'draft' "
                                                        "ORDER BY id LIMIT 1"));
        Result<StoredReferral> stored = f->referrals().load(draft);
        REQUIRE(stored);
        REQUIRE(f->referrals().discard(draft, stored->revision, importer, QStringLiteral("a call started by mistake")));
        f.close();
        return draft;
    }
};

} // namespace

TEST_CASE("A run from the last verified head walks only the events after it and the referrals they touched",
          "[issue21]")
{
    Checkpointed d;
    const qint64 before = d.first.chain.headSequence;
    d.discardADraft();
    const AuditVerifier::Report since = d.run(AuditVerifier::Scope::SinceCheckpoint);
    INFO(since.summary().toStdString());
    CHECK(since.intact());
    REQUIRE(since.checkpoint);
    CHECK(since.checkpoint->sequence == before);
    CHECK(since.chain.events == since.chain.headSequence - before);
    CHECK(since.chain.events > 0);
    CHECK(since.chain.events < d.first.chain.events);
    CHECK(since.referralsChecked == 1);
    CHECK(since.accountsChecked == 2);
    CHECK(since.anchorsChecked == 1);
    CHECK(since.lastFull);
    CHECK(since.summary().startsWith(QStringLiteral("OK since event %1 (verified ").arg(before)));

    // The run after starts at this one's head; a full run is still there on demand.
    const AuditVerifier::Report next = d.run(AuditVerifier::Scope::SinceCheckpoint);
    REQUIRE(next.checkpoint);
    CHECK(next.checkpoint->sequence == since.chain.headSequence);
    CHECK(next.chain.events == 0);
    const AuditVerifier::Report full = d.run(AuditVerifier::Scope::Full);
    CHECK(full.intact());
    CHECK_FALSE(full.checkpoint);
    CHECK(full.referralsChecked == d.first.referralsChecked);
}

TEST_CASE("A referral touched after the checkpoint and changed behind Front Door's back is named", "[issue21]")
{
    Checkpointed d;
    const QString draft = d.discardADraft();
    d.f.rawExec(QStringLiteral("UPDATE referrals SET handler = 'u-other' WHERE reference = '%1'").arg(draft));
    const AuditVerifier::Report since = d.run(AuditVerifier::Scope::SinceCheckpoint);
    REQUIRE(since.checkpoint);
    requireFinding(since, QStringLiteral("referral %1: its handler column reads").arg(draft));
}

TEST_CASE("A referral deleted is named by a run from a checkpoint though no event touched it since", "[issue21]")
{
    Checkpointed d;
    const QString gone = d.imported.first();
    d.deleteWholly(gone);
    const AuditVerifier::Report since = d.run(AuditVerifier::Scope::SinceCheckpoint);
    REQUIRE(since.checkpoint);
    requireFinding(since, QStringLiteral("referral %1, begun at event").arg(gone));
}

TEST_CASE("The checkpoint's own event changed: the run from it is broken there, the anchor named", "[issue21]")
{
    Checkpointed d;
    const qint64 at = d.first.chain.headSequence;
    d.f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET hash = X'%1' WHERE seq = %2")
                    .arg(QString(64, u'e'))
                    .arg(at));
    const AuditVerifier::Report report = verifiedAgainst(d.f, d.anchors);
    INFO(report.summary().toStdString());
    CHECK_FALSE(report.intact());
    // The anchor no longer held, the checkpoint is not trusted: the run is a full one, and names both.
    CHECK_FALSE(report.checkpoint);
    CHECK(report.summary().contains(QStringLiteral("BROKEN at event %1").arg(at)));
    CHECK(report.findings.join(u'\n').contains(QStringLiteral("(verified) — event %1").arg(at)));
    CHECK(AuditTrail::verifyChain(d.f->database(), {at, d.first.chain.headHash})
              ->problem.contains(QStringLiteral("verified before as %1, now hashes to %2")
                                     .arg(d.first.chain.headHash, QString(64, u'e'))));
}

TEST_CASE("A column of a referral no event touched since is the full run's to find", "[issue21]")
{
    Checkpointed d;
    const QString untouched = d.imported.first();
    d.f.rawExec(QStringLiteral("UPDATE referrals SET urgent = 1 - urgent WHERE reference = '%1'").arg(untouched));
    const AuditVerifier::Report since = d.run(AuditVerifier::Scope::SinceCheckpoint);
    REQUIRE(since.checkpoint);
    CHECK(since.referralsChecked == 0);
    // What a run from a checkpoint does not read: the full run, on demand, does.
    requireFinding(d.run(AuditVerifier::Scope::Full),
                   QStringLiteral("referral %1: its urgent column reads").arg(untouched));
}

TEST_CASE("Each backup verifies its copy from the last verified head and records the copy's head", "[issue21]")
{
    Filled d;
    Store::Options anchored;
    anchored.anchorFolder = d.f.dir.filePath(QStringLiteral("anchors"));
    anchored.workstation = QStringLiteral("ws");
    d.f.reopen(anchored);
    Result<Backups::Made> first = d.f->backUp(d.root);
    REQUIRE(first);
    CHECK_FALSE(first->verified.checkpoint); // the first is verified in full
    CHECK(first->verified.referralsChecked == 5);
    d.f.clock.advance(3600 * 1000);
    Result<Backups::Made> second = d.f->backUp(d.root);
    REQUIRE(second);
    REQUIRE(second->verified.checkpoint);
    CHECK(second->verified.checkpoint->sequence == first->verified.chain.headSequence);
    CHECK(second->verified.chain.events == second->verified.chain.headSequence - first->verified.chain.headSequence);
    CHECK(second->verified.referralsChecked == 0);

    Result<QList<Anchor>> lines = AnchorLog::read(d.f->anchors().file());
    REQUIRE(lines);
    QStringList occasions;
    for (const Anchor &line : *lines)
        occasions.append(line.occasion);
    CHECK(occasions
          == QStringList{QStringLiteral("verified"),
                         QStringLiteral("backup"),
                         QStringLiteral("verified since"),
                         QStringLiteral("backup")});
}

TEST_CASE(
    "Another database with the same file name is neither held to this one's anchors nor started at its checkpoint",
    "[issue21]")
{
    Checkpointed d;
    Filled other; // another folder, the same file name: a copy for an investigation, a test, a restored file
    REQUIRE(QFileInfo(other.f.path).fileName() == QFileInfo(d.f.path).fileName());
    const AuditVerifier::Report own = verifiedAgainst(other.f, d.anchors);
    INFO(own.summary().toStdString());
    CHECK(own.intact());
    CHECK_FALSE(own.checkpoint); // d's checkpoint is not this file's: a full run
    CHECK(own.anchorsChecked == 0);
    // Every line, as `--anchors FILE` compares on purpose: d's heads are not in this trail, and that is said.
    Result<AnchorLog::Check> every = AnchorLog::check(other.f->database(), d.anchors);
    REQUIRE(every);
    CHECK_FALSE(every->ok());
}
