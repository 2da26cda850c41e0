// Issue 7: the manager's figures, from a real store — contacts per day, the outcomes mix, overdue actions and the
// median time to a signed decision; counts only, for supervisors only.
#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "access/passwordhasher.h"
#include "store/accounts.h"
#include "store/dashboardfigures.h"
#include "store/sqlcatalog.h"

#include <QSqlQuery>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("The dashboard counts contacts per day, outcomes, overdue actions, and the median time to decision")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheapHashing);
    const QString password = QStringLiteral("kettle on the windowsill");
    const Actor sup = firstSupervisor(accounts, QStringLiteral("sup"), password);
    const QDateTime monday(QDate(2026, 11, 16), QTime(9, 0), Qt::UTC);
    f.clock.set(monday);

    const auto take = [&](int hoursLater) {
        f.clock.set(monday.addSecs(qint64(hoursLater) * 3600));
        StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        REQUIRE(f->referrals().submit(draft.referral.reference, draft.revision, handler, norfolk()));
        return draft.referral.reference;
    };
    const auto decide = [&](const QString &reference, int hoursLater, const QString &outcome) {
        f.clock.set(monday.addSecs(qint64(hoursLater) * 3600));
        StoredReferral stored = f->referrals().load(reference).value();
        Referral r = stored.referral;
        r.outcomes.append(ChildOutcome{QStringLiteral("c1"), outcome, QStringLiteral("Reasons"), {}, sup.userId, f.clock.now()});
        const qint64 revision = f->referrals().save(r, stored.revision, sup, QStringLiteral("decision recorded"))->revision;
        REQUIRE(f->referrals().changeStatus(reference, revision, sup, ReferralStatus::Decided, norfolk(),
                                            accounts.sign(sup, password).value()));
    };
    const QString a = take(0);
    const QString b = take(1);
    take(2);            // Monday: three contacts
    take(48);           // Wednesday: one
    decide(a, 4, QStringLiteral("earlyHelp"));         // 4 hours after the call
    decide(b, 7, QStringLiteral("earlyHelp"));         // 6 hours
    f.clock.set(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)); // the next Monday

    const DashboardFigures figures =
        DashboardFigures::read(f->database(), sup, norfolk().id, f.clock.now(), 14).value();
    REQUIRE(figures.contactsPerDay.size() == 14);
    CHECK(figures.contactsPerDay.constLast().first == QDate(2026, 11, 23));
    const auto on = [&](QDate day) {
        for (const auto &[date, count] : figures.contactsPerDay)
            if (date == day)
                return count;
        return -1;
    };
    CHECK(on(QDate(2026, 11, 16)) == 3);
    CHECK(on(QDate(2026, 11, 17)) == 0);
    CHECK(on(QDate(2026, 11, 18)) == 1);
    CHECK(figures.outcomes == QList<QPair<QString, int>>{{QStringLiteral("earlyHelp"), 2}});
    CHECK(figures.decisions == 2);
    CHECK(figures.medianHoursToDecision == Approx(5.0));
    // The two undecided calls' decision and feedback actions are overdue a week on.
    int overdue = 0;
    for (const auto &[kind, count] : figures.overdue)
        overdue += count;
    CHECK(overdue >= 2);

    Result<DashboardFigures> refused = DashboardFigures::read(f->database(), handler, norfolk().id, f.clock.now());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("Issue 21: the dashboard's weeks are read from their indexes, not from every referral and decision ever")
{
    StoreFixture f;
    const SqlCatalog sql = SqlCatalog::load(QStringLiteral("sqlite")).value();
    const QStringList keys{QStringLiteral("dashboard.contactsPerDay"),
                           QStringLiteral("dashboard.outcomes"),
                           QStringLiteral("dashboard.overdueActions"),
                           QStringLiteral("dashboard.decisionTimes")};
    for (const QString &key : keys) {
        QSqlQuery plan(f->database().connection());
        REQUIRE(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql.statement(key)));
        for (const char *name : {"from", "profile", "now"})
            if (sql.statement(key).contains(u':' + QLatin1String(name)))
                plan.bindValue(u':' + QLatin1String(name), QStringLiteral("x"));
        REQUIRE(plan.exec());
        QStringList steps;
        while (plan.next())
            steps.append(plan.value(3).toString());
        INFO(key.toStdString() << ": " << steps.join(QStringLiteral("; ")).toStdString());
        CHECK_FALSE(steps.isEmpty());
        for (const QString &step : steps) { // a table read whole: "SCAN referrals", "SCAN a" (USING INDEX or not)
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN referrals")));
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN r")));
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN a")));
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN audit")));
        }
        if (key.endsWith(QLatin1String("decisionTimes")))
            CHECK(steps.join(u';').contains(QLatin1String("audit_status_changes")));
        else if (!key.endsWith(QLatin1String("overdueActions")))
            CHECK(steps.join(u';').contains(QLatin1String("referrals_started")));
    }
}
