#pragma once

#include "calendar/bankholidays.h"
#include "profile/profile.h"

#include <QDateTime>

namespace FrontDoor {

// Working days and due times (NOR-T4, LIN-T3, LIN-T5, LIN-T1, NOR-T7, NOR-C6, ALL-T6).
//
// What "within N working days of receipt" means here, for every timescale counted in working days:
//  - a working day is Monday to Friday, except England and Wales bank holidays (substitute days included);
//  - the day of receipt is the UK date on which the call started, whatever the hour and whatever the day — a call
//    at 21:30 on a working day was received that day, a call on a Saturday that Saturday;
//  - the item is due by the end (23:59:59.999 UK time) of the Nth working day after the day of receipt: one working
//    day from a Saturday is the end of Monday (when Monday is a working day), not Tuesday.
// So whoever decides always has at least N whole working days after the day the call came in. Example: a call on
// Friday 24 December 2027 at 21:30 is due by the end of Wednesday 29 December 2027 (Monday 27 and Tuesday 28 are
// the substitute Christmas and Boxing Day holidays).
// Timescales in hours (LIN-T3's 24 hours) run on the clock from the call's start, weekends included.
class WorkingCalendar
{
public:
    // The holidays are injected, as the clock is: the program passes the installed list (BankHolidays::current()),
    // a test the list it means.
    explicit WorkingCalendar(const BankHolidays &holidays)
        : m_holidays(holidays)
    {}

    bool isWorkingDay(QDate date) const;
    // Whether `date`'s bank holidays are projected rather than published: a due time on it says so.
    bool isProjected(QDate date) const { return m_holidays.isProjected(date); }
    QDate nextWorkingDay(QDate after) const; // the first working day strictly after `after`
    // Whether the front door answers at `when` (UK time), or the out-of-hours route applies (NOR-R1, LIN-R2): its
    // days and hours, and on a bank holiday only if it opens on bank holidays.
    bool isOpen(const OpeningHours &hours, const QDateTime &when) const;
    // When an item of `timescale` is due for a call received at `received` (any time zone); UTC.
    QDateTime due(const QDateTime &received, const Timescale &timescale) const;

private:
    const BankHolidays &m_holidays; // not owned; the program's copy lives as long as the program
};

} // namespace FrontDoor
