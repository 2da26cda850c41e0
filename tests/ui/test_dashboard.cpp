// Issue 7: the manager's dashboard in the window — F3, charts drawn from the store's figures, and the same in one
// sentence for a screen reader.
#include <catch2/catch.hpp>

#include "referral/fields.h"
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "dashboard/dashboardview.h"
#include "mainwindow.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QTest>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("F3 shows a supervisor the last four weeks drawn: contacts per day, outcomes, overdue actions")
{
    StoreFixture f;
    for (int i = 0; i < 5; ++i) {
        StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = draft.referral; // a referrer feedback can reach (LIN-T5, ALL-T6)
        r.setAnswer(Field::referrerPhone, Answer::given(QStringLiteral("+441603000000")));
        const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
        REQUIRE(f->referrals().submit(r.reference, revision, handler, norfolk()));
    }
    f.clock.set(testNow().addDays(7)); // their decisions are now overdue
    MainWindow::Context context;
    context.databasePath = f.path;
    context.profileName = norfolk().name;
    context.profile = &norfolk();
    context.dashboard = [&f] {
        return DashboardFigures::read(f->database(), supervisor, norfolk().id, f.clock.now());
    };
    MainWindow window(context);
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F3);
    auto *dashboard = window.findChild<DashboardView *>();
    REQUIRE(dashboard);
    CHECK(dashboard->isVisible());
    CHECK(dashboard->summary().startsWith(QStringLiteral("In the last four weeks: 5 contacts")));
    CHECK(dashboard->summary().contains(QStringLiteral("10 follow-up actions overdue"))); // decision and feedback each
    auto *contacts = window.findChild<QChartView *>(QStringLiteral("contactsChart"));
    REQUIRE(contacts);
    REQUIRE(contacts->chart()->series().size() == 1);
    auto *overdue = window.findChild<QChartView *>(QStringLiteral("overdueChart"));
    CHECK(overdue->chart()->title().contains(QStringLiteral("10")));

    // Issue 18: nothing cut at 1366×768 — each title fits its chart, each day under its bar, each kind of action
    // (the timescales' short labels) beside its bar.
    for (QChartView *view : window.findChildren<QChartView *>()) {
        const QFontMetrics title(view->chart()->titleFont());
        INFO(view->chart()->title().toStdString());
        CHECK(title.horizontalAdvance(view->chart()->title()) < view->chart()->size().width());
    }
    const auto categories = [](QChartView *view) {
        const QList<QAbstractAxis *> axes = view->chart()->axes();
        for (QAbstractAxis *axis : axes)
            if (auto *category = qobject_cast<QBarCategoryAxis *>(axis))
                return std::pair{category->categories(), QFontMetrics(category->labelsFont())};
        return std::pair{QStringList(), QFontMetrics(QFont())};
    };
    const auto [days, dayFont] = categories(contacts);
    REQUIRE(days.size() == 28);
    for (const QString &day : days)
        CHECK(dayFont.horizontalAdvance(day) < contacts->chart()->plotArea().width() / days.size());
    const auto [kinds, kindFont] = categories(overdue);
    CHECK(kinds.contains(norfolk().timescale(QStringLiteral("decision"))->brief()));
    for (const QString &kind : kinds) {
        INFO(kind.toStdString());
        CHECK(kindFont.horizontalAdvance(kind) < overdue->chart()->plotArea().left());
    }
}
