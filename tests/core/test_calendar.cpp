// Working days and due times on real dates (NOR-T4, LIN-T3, LIN-T5, LIN-T1, NOR-T7, NOR-C6, ALL-T6): weekends and
// England and Wales bank holidays as published, substitute days included.
#include "support/referralbuilder.h"

#include "calendar/followupplanner.h"
#include "calendar/workingcalendar.h"
#include "referral/fields.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QDateTime uk(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(QByteArrayLiteral("Europe/London")));
}

QString dueUk(const QDateTime &received, const Timescale &timescale)
{
    return installedCalendar()
        .due(received, timescale)
        .toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")))
        .toString(QStringLiteral("ddd d MMM yyyy HH:mm:ss.zzz"));
}

const Timescale oneWorkingDay{
    QStringLiteral("decision"), {}, 1, TimescaleUnit::WorkingDays, {QStringLiteral("NOR-T4")}, {}};
const Timescale twentyFourHours{
    QStringLiteral("decision"), {}, 24, TimescaleUnit::Hours, {QStringLiteral("LIN-T3")}, {}};

} // namespace

TEST_CASE("The published bank holidays ship inside the program, substitute days included")
{
    const BankHolidays &holidays = BankHolidays::builtIn();
    CHECK(holidays.lastYear() >= 2028);
    CHECK(holidays.contains(QDate(2026, 12, 25)));
    CHECK(holidays.contains(QDate(2026, 12, 28))); // Boxing Day 2026 is a Saturday: Monday 28th instead
    CHECK(holidays.contains(QDate(2027, 3, 26)));  // Good Friday 2027
    CHECK_FALSE(holidays.contains(QDate(2026, 12, 26)));
}

TEST_CASE("A malformed bank holidays file is refused with a message saying what is wrong")
{
    CHECK(BankHolidays::fromJson("{").errorMessage().contains(QStringLiteral("not valid JSON")));
    CHECK(BankHolidays::fromJson(R"({"events": []})").errorMessage().contains(QStringLiteral("no \"events\"")));
    CHECK(BankHolidays::fromJson(R"({"events": [{"date": "2026-13-01"}]})").errorMessage()
              .contains(QStringLiteral("Bank holiday 1")));
}

TEST_CASE("NOR-T4: a call on Friday 24 December 2027 at 21:30 is decided by the end of Wednesday 29 December")
{
    // Monday 27 and Tuesday 28 are the substitute Christmas Day and Boxing Day holidays.
    CHECK(dueUk(uk(2027, 12, 24, 21, 30), oneWorkingDay) == QStringLiteral("Wed 29 Dec 2027 23:59:59.999"));
    // The same call on Christmas Day (a Saturday): the first working day after it is Wednesday 29th.
    CHECK(dueUk(uk(2027, 12, 25, 10, 0), oneWorkingDay) == QStringLiteral("Wed 29 Dec 2027 23:59:59.999"));
    // New Year: Friday 31 December 2027 → Monday 3 January 2028 is a working day? Saturday 1 January 2028 is
    // New Year's Day, so Monday 3rd is its substitute: due Tuesday 4th.
    CHECK(dueUk(uk(2027, 12, 31, 9, 0), oneWorkingDay) == QStringLiteral("Tue 4 Jan 2028 23:59:59.999"));
}

TEST_CASE("NOR-T4: Easter, the early May and late May holidays, and a weekend are not working days")
{
    CHECK(dueUk(uk(2026, 4, 2, 15, 0), oneWorkingDay) == QStringLiteral("Tue 7 Apr 2026 23:59:59.999")); // Good Friday, Easter Monday
    CHECK(dueUk(uk(2026, 5, 1, 11, 0), oneWorkingDay) == QStringLiteral("Tue 5 May 2026 23:59:59.999")); // early May
    CHECK(dueUk(uk(2026, 5, 22, 11, 0), oneWorkingDay) == QStringLiteral("Tue 26 May 2026 23:59:59.999")); // spring
    CHECK(dueUk(uk(2026, 8, 28, 11, 0), oneWorkingDay) == QStringLiteral("Tue 1 Sep 2026 23:59:59.999")); // summer
    CHECK(dueUk(uk(2026, 11, 24, 10, 30), oneWorkingDay) == QStringLiteral("Wed 25 Nov 2026 23:59:59.999"));
    // Received on a Saturday: one working day after that Saturday is Monday, whatever day the receipt fell on.
    CHECK(dueUk(uk(2026, 11, 28, 10, 30), oneWorkingDay) == QStringLiteral("Mon 30 Nov 2026 23:59:59.999"));
    CHECK(dueUk(uk(2026, 11, 29, 23, 50), oneWorkingDay) == QStringLiteral("Mon 30 Nov 2026 23:59:59.999")); // Sunday
}

TEST_CASE("LIN-T3: 24 hours run on the clock, weekends included, across the change to summer time")
{
    CHECK(dueUk(uk(2026, 11, 27, 17, 0), twentyFourHours) == QStringLiteral("Sat 28 Nov 2026 17:00:00.000"));
    // 28 March 2027 the clocks go forward: 24 hours after Saturday 10:00 GMT is Sunday 11:00 BST.
    CHECK(dueUk(uk(2027, 3, 27, 10, 0), twentyFourHours) == QStringLiteral("Sun 28 Mar 2027 11:00:00.000"));
}

TEST_CASE("LIN-T1 LIN-T5 NOR-C6 NOR-T7: submission plans the actions its procedure demands, each with a due time")
{
    Referral norfolkCall = draft(QStringLiteral("norfolk-cads"));
    norfolkCall.callStartedAt = uk(2026, 11, 24, 10, 0).toUTC();
    give(norfolkCall, Field::referrerType.toString(), QStringLiteral("professional"));
    give(norfolkCall, Field::consentDecision.toString(), QStringLiteral("refused"));
    give(norfolkCall, Field::crossBoundary.toString(), QStringLiteral("yes"));
    give(norfolkCall, Field::referrerEmail.toString(), QStringLiteral("dsl@invented-school.example"));
    QStringList kinds;
    for (const FollowUpAction &action : plannedActions(norfolkCall, norfolk(), installedCalendar())) {
        kinds.append(action.kind + u' ' + action.procedureId);
        CHECK(action.due == uk(2026, 11, 25, 23, 59).addSecs(59).addMSecs(999).toUTC());
        CHECK(action.status == ActionStatus::Open);
        CHECK_FALSE(action.description.isEmpty());
    }
    CHECK(kinds == QStringList{QStringLiteral("decision NOR-T4"), QStringLiteral("strategyRecord NOR-T7"),
                               QStringLiteral("informParent NOR-C6"), QStringLiteral("feedback ALL-T6")});

    Referral publicCall = draft(QStringLiteral("lincolnshire-csc"));
    publicCall.callStartedAt = uk(2026, 11, 27, 17, 0).toUTC(); // a Friday
    give(publicCall, Field::referrerType.toString(), QStringLiteral("memberOfPublic"));
    give(publicCall, Field::referrerPhone.toString(), QStringLiteral("+441522000000"));
    const QList<FollowUpAction> actions = plannedActions(publicCall, lincolnshire(), installedCalendar());
    REQUIRE(actions.size() == 2);
    CHECK(actions.at(0).kind == QStringLiteral("decision"));
    CHECK(actions.at(0).due == uk(2026, 11, 28, 17, 0).toUTC()); // 24 hours (LIN-T3)
    CHECK(actions.at(1).kind == QStringLiteral("feedback"));
    CHECK(actions.at(1).due == uk(2026, 11, 30, 23, 59).addSecs(59).addMSecs(999).toUTC()); // the next working day

    give(publicCall, Field::referrerType.toString(), QStringLiteral("professional"));
    QStringList professional;
    for (const FollowUpAction &action : plannedActions(publicCall, lincolnshire(), installedCalendar()))
        professional.append(action.kind);
    CHECK(professional == QStringList{QStringLiteral("decision"), QStringLiteral("writtenConfirmation"),
                                      QStringLiteral("acknowledgement"), QStringLiteral("feedback")});
}

TEST_CASE("NOR-R1 LIN-R2: in or out of hours from the clock — Norfolk answers every day 08:00-20:00, Lincolnshire not on a bank holiday")
{
    const WorkingCalendar &calendar = installedCalendar();
    const OpeningHours &nor = norfolk().openingHours;
    const OpeningHours &lin = lincolnshire().openingHours;
    CHECK(calendar.isOpen(nor, uk(2026, 11, 24, 8, 0)));
    CHECK_FALSE(calendar.isOpen(nor, uk(2026, 11, 24, 20, 0)));
    CHECK(calendar.isOpen(nor, uk(2026, 11, 28, 19, 59)));  // a Saturday
    CHECK(calendar.isOpen(nor, uk(2026, 12, 25, 10, 0)));   // Christmas Day: CADS is open
    CHECK_FALSE(calendar.isOpen(lin, uk(2026, 12, 25, 10, 0))); // the CSC is not: Emergency Duty Team
    CHECK_FALSE(calendar.isOpen(lin, uk(2026, 11, 28, 10, 0)));  // nor on a Saturday
    CHECK(calendar.isOpen(lin, uk(2026, 11, 27, 17, 59)));
    CHECK_FALSE(calendar.isOpen(lin, uk(2026, 11, 27, 18, 0)));
    // 07:30 UTC in July is 08:30 in the UK.
    CHECK(calendar.isOpen(nor, QDateTime(QDate(2026, 7, 1), QTime(7, 30), Qt::UTC)));
}

TEST_CASE("The standard rules give exactly the published bank holidays in every year without a one-off")
{
    const BankHolidays &published = BankHolidays::builtIn();
    CHECK(BankHolidays::easterSunday(2026) == QDate(2026, 4, 5));
    CHECK(BankHolidays::easterSunday(2027) == QDate(2027, 3, 28));
    CHECK(BankHolidays::easterSunday(2030) == QDate(2030, 4, 21));
    // 2012, 2020, 2022 and 2023 had one-off or moved holidays (jubilees, VE Day, a state funeral, a coronation).
    for (int year : {2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028}) {
        const QSet<QDate> rules = BankHolidays::projected(year);
        for (QDate day(year, 1, 1); day.year() == year; day = day.addDays(1)) {
            INFO(day.toString(Qt::ISODate).toStdString());
            CHECK(rules.contains(day) == published.contains(day));
        }
    }
}

TEST_CASE("NOR-T4: past the last published year, a due time is still computed, and says it rests on a projection")
{
    const WorkingCalendar &calendar = installedCalendar();
    const QDate christmas2030(2030, 12, 25); // a Wednesday
    CHECK(calendar.isProjected(christmas2030));
    CHECK_FALSE(calendar.isProjected(QDate(2027, 12, 25)));
    CHECK_FALSE(calendar.isWorkingDay(christmas2030));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2030, 12, 26)));
    CHECK(dueUk(uk(2030, 12, 24, 11, 0), oneWorkingDay) == QStringLiteral("Fri 27 Dec 2030 23:59:59.999"));
    CHECK(dueUk(uk(2030, 4, 18, 11, 0), oneWorkingDay) == QStringLiteral("Tue 23 Apr 2030 23:59:59.999")); // Easter
    // Christmas 2033 is a Sunday: Boxing Day Monday 26th, the Christmas substitute Tuesday 27th.
    CHECK(BankHolidays::projected(2033).contains(QDate(2033, 12, 26)));
    CHECK(BankHolidays::projected(2033).contains(QDate(2033, 12, 27)));
    CHECK_FALSE(BankHolidays::projected(2033).contains(QDate(2033, 12, 25)));
}

TEST_CASE("An administrator's bank holidays file replaces the built-in list, and a bad one is said and not used")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("england-and-wales-bank-holidays.json"));
    QString problem;
    CHECK(BankHolidays::installedOrBuiltIn({}, &problem).contains(QDate(2026, 12, 25)));
    CHECK(problem.isEmpty());

    // A one-off holiday the government announced after this build: the installed file has it.
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"division": "england-and-wales", "events": [{"title": "One-off", "date": "2027-06-07"},
                   {"title": "Christmas Day", "date": "2027-12-27"}]})");
    file.close();
    const BankHolidays installed = BankHolidays::installedOrBuiltIn(path, &problem);
    CHECK(problem.isEmpty());
    CHECK(installed.contains(QDate(2027, 6, 7)));
    CHECK_FALSE(WorkingCalendar(installed).isWorkingDay(QDate(2027, 6, 7)));

    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"events\": [");
    file.close();
    const BankHolidays fallback = BankHolidays::installedOrBuiltIn(path, &problem);
    CHECK(problem.contains(path));
    CHECK(problem.contains(QStringLiteral("built-in")));
    CHECK(fallback.contains(QDate(2026, 12, 25)));
    CHECK_FALSE(fallback.contains(QDate(2027, 6, 7)));
}

TEST_CASE("NOR-T4 LIN-T3: an urgent referral's decision is due within the profile's urgent timescale, hours not a day")
{
    for (const Profile *p : {&norfolk(), &lincolnshire()}) {
        INFO(p->id.toStdString());
        Referral r = draft(p->id);
        r.callStartedAt = uk(2026, 11, 24, 10, 30);
        const auto decisionDue = [&] {
            for (const FollowUpAction &action : plannedActions(r, *p, installedCalendar()))
                if (action.kind == QLatin1String("decision"))
                    return action;
            return FollowUpAction{};
        };
        const FollowUpAction routine = decisionDue();
        give(r, QStringLiteral("triage.immediateDanger"), QStringLiteral("yes"));
        const FollowUpAction urgent = decisionDue();
        REQUIRE(p->timescale(QStringLiteral("urgentDecision")));
        CHECK(urgent.due == r.callStartedAt.addSecs(4 * 3600).toUTC()); // 14:30 the same day
        CHECK(urgent.due < routine.due);
        CHECK(urgent.description.contains(QStringLiteral("local target")));
        CHECK(urgent.kind == QStringLiteral("decision")); // still the decision: signing it meets it
    }
}

TEST_CASE("LIN-T5 ALL-T6: no feedback is due to a referrer nobody can reach, and the record says why")
{
    for (const Profile *p : {&norfolk(), &lincolnshire()}) {
        INFO(p->id.toStdString());
        Referral r = draft(p->id);
        give(r, Field::referrerType.toString(), QStringLiteral("anonymous"));
        give(r, Field::referrerPhone.toString(), QStringLiteral("+441603000000")); // even with a number: anonymous
        const auto feedbackOf = [&] {
            for (const FollowUpAction &action : plannedActions(r, *p, installedCalendar()))
                if (action.kind == QLatin1String("feedback"))
                    return action;
            return FollowUpAction{};
        };
        CHECK(feedbackOf().status == ActionStatus::Cancelled);
        CHECK(feedbackOf().note.contains(QStringLiteral("No feedback is due")));
        give(r, Field::referrerType.toString(), QStringLiteral("memberOfPublic"));
        CHECK(feedbackOf().status == ActionStatus::Open); // named, with a number
        r.setAnswer(Field::referrerPhone.toString(), Answer::declined({}));
        CHECK(feedbackOf().status == ActionStatus::Cancelled); // named, but no way to reach them
    }
}
