// Issue 16: "within N working days of receipt", defined once and queryable — the calendar command and
// `check --format json` answer from the calendar the store uses, so IT and auditors can check a timescale without
// the window.

#include <catch2/catch.hpp>

#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace FrontDoorTest;

TEST_CASE("frontdoor calendar: working days after a date, and whether a day is one, with exit codes")
{
    const auto run = [](const QStringList &args) { return runFrontDoor(QStringList{QStringLiteral("calendar")} + args); };
    // Received on Saturday 28 November 2026: one working day after it is Monday 30th.
    Run saturday = run({QStringLiteral("working-days-after"), QStringLiteral("2026-11-28"), QStringLiteral("1")});
    CHECK(saturday.exitCode == 0);
    CHECK(saturday.outText().trimmed() == QStringLiteral("2026-11-30"));
    // Christmas 2027: Friday 24th, then the substitute holidays on Monday 27th and Tuesday 28th.
    CHECK(run({QStringLiteral("working-days-after"), QStringLiteral("2027-12-24"), QStringLiteral("1")}).outText().trimmed()
          == QStringLiteral("2027-12-29"));
    Run weekday = run({QStringLiteral("is-working-day"), QStringLiteral("2026-11-30")});
    CHECK(weekday.exitCode == 0);
    CHECK(weekday.outText().trimmed() == QStringLiteral("yes"));
    Run boxingDay = run({QStringLiteral("is-working-day"), QStringLiteral("2026-12-28")}); // substitute Boxing Day
    CHECK(boxingDay.exitCode == 1);
    CHECK(boxingDay.outText().trimmed() == QStringLiteral("no"));
    Run projected = run({QStringLiteral("is-working-day"), QStringLiteral("2031-12-24")});
    CHECK(projected.outText().contains(QStringLiteral("projected")));
    for (const QStringList &wrong : {QStringList{QStringLiteral("is-working-day"), QStringLiteral("2026-02-30")},
                                     QStringList{QStringLiteral("working-days-after"), QStringLiteral("2026-11-28"),
                                                 QStringLiteral("many")},
                                     QStringList{QStringLiteral("tomorrow")}, QStringList{}}) {
        INFO(wrong.join(u' ').toStdString());
        const Run refused = run(wrong);
        CHECK(refused.exitCode == 2);
        CHECK(refused.err.contains(QStringLiteral("frontdoor calendar: ")));
    }
}

TEST_CASE("frontdoor check --format json prints the findings and the actions submitting at --now would set")
{
    const QString fixture = sourceDir() + QStringLiteral("/scenarios/fixtures/nor-consent-refused-recorded.json");
    Run run = runFrontDoor({QStringLiteral("check"), fixture, QStringLiteral("--now"),
                            QStringLiteral("2026-11-24T12:00:00Z"), QStringLiteral("--format"), QStringLiteral("json")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    CHECK(report.value(QStringLiteral("canSubmit")).toBool());
    CHECK(report.value(QStringLiteral("findings")).isArray());
    bool decision = false;
    for (const QJsonValue &action : report.value(QStringLiteral("actionsOnSubmission")).toArray()) {
        const QJsonObject a = action.toObject();
        if (a.value(QStringLiteral("procedureId")).toString() == QStringLiteral("NOR-T4")) {
            decision = true;
            // Received Tuesday 24 November (the call's start): due by the end of Wednesday 25th, UK time.
            CHECK(a.value(QStringLiteral("due")).toString() == QStringLiteral("2026-11-25T23:59:59.999Z"));
            CHECK(a.value(QStringLiteral("dueUkTime")).toString() == QStringLiteral("2026-11-25 23:59"));
        }
    }
    CHECK(decision);
    Run wrongFormat = runFrontDoor({QStringLiteral("check"), fixture, QStringLiteral("--format"), QStringLiteral("pdf")});
    CHECK(wrongFormat.exitCode == 2);
}
