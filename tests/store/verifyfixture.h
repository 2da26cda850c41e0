#pragma once

// A file with referrals of every kind and two accounts, opened as verify-audit opens it (issue 17), for the
// verifier's tests: test_verifyaudit.cpp (every row, in full) and test_verifycheckpoint.cpp (from a checkpoint).

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "store/auditverifier.h"
#include "training/syntheticreferrals.h"

#include <catch2/catch.hpp>

namespace FrontDoorTest {

inline const FrontDoor::Actor importer{QStringLiteral("u-supervisor"), FrontDoor::Role::Supervisor};
inline const QString password = QStringLiteral("correct horse battery staple 17");

// Three invented drafts, then submitted invented referrals imported until two are taken: rows of every derived kind
// (search, person keys, follow-up actions, a due time), and two accounts.
struct Filled
{
    StoreFixture f;
    QStringList imported;
    FrontDoor::Actor root{QStringLiteral("root"), FrontDoor::Role::Administrator};

    Filled()
    {
        FrontDoor::Store::Options cheap;
        cheap.passwordCost = cheapHashing;
        f.reopen(cheap);
        fillInvented(f);
        firstSupervisor(f->accounts(), QStringLiteral("sam"), password);
        FrontDoor::SyntheticReferrals generator(1712);
        FrontDoor::SyntheticReferrals::Shape shape;
        shape.answeredShare = 1.0;
        for (int i = 0; i < 200 && imported.size() < 2; ++i) {
            FrontDoor::Referral r = generator.next(norfolk(), testNow().addSecs(-3600 - i * 60), shape);
            r.reference = QStringLiteral("NOR-2026-%1").arg(800000 + i);
            r.status = FrontDoor::ReferralStatus::Submitted;
            if (f->referrals().importReferral(r, norfolk(), importer, QStringLiteral("elsewhere.json")))
                imported.append(r.reference);
        }
        REQUIRE(imported.size() == 2);
        f.close();
    }

    // As verify-audit opens it: read-only, whatever was done to the file.
    FrontDoor::AuditVerifier::Report verify()
    {
        FrontDoor::Store::Options readOnly;
        readOnly.readOnly = true;
        f.reopen(readOnly);
        FrontDoor::Result<FrontDoor::AuditVerifier::Report> report = FrontDoor::AuditVerifier::verify(f->database());
        REQUIRE(report);
        f.close();
        return *report;
    }

    // The referral's row and every row derived from it, as someone holding the file would delete them.
    void deleteWholly(const QString &reference)
    {
        f.rawExec(
            QStringLiteral("DELETE FROM person_keys WHERE referral_id = %1; DELETE FROM actions WHERE "
                           "referral_id = %1; DELETE FROM referral_search WHERE rowid = %1; DELETE FROM referrals "
                           "WHERE id = %1;")
                .arg(idOf(reference)));
    }

    qint64 idOf(const QString &reference) const
    {
        return f.rawValue(QStringLiteral("SELECT id FROM referrals WHERE reference = '%1'").arg(reference))
            .toLongLong();
    }
};

// The report names `expected` among its findings, and the chain itself is whole (the trail was not touched).
inline void requireFinding(const FrontDoor::AuditVerifier::Report &report, const QString &expected)
{
    INFO(report.summary().toStdString());
    CHECK(report.chain.intact);
    CHECK_FALSE(report.intact());
    CHECK(report.summary().startsWith(QStringLiteral("BROKEN")));
    CHECK(std::any_of(report.findings.cbegin(), report.findings.cend(), [&](const QString &finding) {
        return finding.contains(expected);
    }));
}

} // namespace FrontDoorTest
