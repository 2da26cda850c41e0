#pragma once

#include "calendar/workingcalendar.h"
#include "profile/profile.h"
#include "referral/referral.h"
#include "rules/finding.h"
#include "training/syntheticreferrals.h"

#include <QRandomGenerator>
#include <QSet>

// Helpers for building invented referrals in tests and reading findings back.
namespace FrontDoorTest {

// The built-in profile, loaded through the real loader (fails the test if it does not load).
const FrontDoor::Profile &profile(const QString &id);
inline const FrontDoor::Profile &norfolk() { return profile(QStringLiteral("norfolk-cads")); }
inline const FrontDoor::Profile &lincolnshire() { return profile(QStringLiteral("lincolnshire-csc")); }

// The working days of the installed bank-holiday list, as the program uses them.
inline const FrontDoor::WorkingCalendar &installedCalendar()
{
    static const FrontDoor::WorkingCalendar calendar(FrontDoor::BankHolidays::current());
    return calendar;
}

// A fixed "now" for tests: Tuesday 24 November 2026, 10:30 UTC.
QDateTime testNow();

// A draft with one invented child, started at testNow() minus 20 minutes.
FrontDoor::Referral draft(const QString &profileId, const QString &childName = QStringLiteral("Ada Testchild"));

void give(FrontDoor::Referral &referral, const QString &key, const QString &value);
void giveMany(FrontDoor::Referral &referral, const QString &key, const QStringList &values);
void giveChild(FrontDoor::Referral &referral, int index, const QString &key, const QString &value);

// The i-th invented referral of a redaction property test (issue 8): alternately Lincolnshire's and Norfolk's, a
// random caller type and identity decision (either may be unrecorded), and a canary — a unique invented value — in
// every place a referrer's identity can be written: each referrer answer, a conversation with them and the feedback
// given to them. canaries[0] is the name, canaries[4] the organisation.
struct CanaryReferral
{
    FrontDoor::Referral referral;
    const FrontDoor::Profile *profile = nullptr;
    QStringList canaries;
};
CanaryReferral canaryReferral(FrontDoor::SyntheticReferrals &synthetic, QRandomGenerator &random, int i);

// The (ruleId, path) pairs of the findings of one severity, e.g. {"NOR-A2 identity.decision"}.
QSet<QString> keys(const FrontDoor::Findings &findings, FrontDoor::Severity severity);
// The rule IDs of the blocking findings.
QSet<QString> blockingIds(const FrontDoor::Findings &findings);
bool has(const FrontDoor::Findings &findings, const QString &ruleId, FrontDoor::Severity severity,
         const QString &path = {});

} // namespace FrontDoorTest

// Catch2 prints QStrings and sets of them readably in failure messages.
#include <catch2/catch.hpp>
namespace Catch {
template<>
struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
template<>
struct StringMaker<QSet<QString>>
{
    static std::string convert(const QSet<QString> &value)
    {
        QStringList sorted(value.begin(), value.end());
        sorted.sort();
        return "{" + sorted.join(QStringLiteral(", ")).toStdString() + "}";
    }
};
} // namespace Catch
