#include "workingcalendar.h"

#include "common/uktime.h"

#include <QTimeZone>

namespace FrontDoor {

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    return date.dayOfWeek() <= 5 && !m_holidays.contains(date);
}

QDate WorkingCalendar::nextWorkingDay(QDate after) const
{
    QDate day = after.addDays(1);
    while (!isWorkingDay(day))
        day = day.addDays(1);
    return day;
}

bool WorkingCalendar::isOpen(const OpeningHours &hours, const QDateTime &when) const
{
    const QDateTime uk = UkTime::of(when);
    if (!hours.bankHolidays && m_holidays.contains(uk.date()))
        return false;
    return hours.days.contains(uk.date().dayOfWeek()) && uk.time() >= hours.opens && uk.time() < hours.closes;
}

QDateTime WorkingCalendar::due(const QDateTime &received, const Timescale &timescale) const
{
    if (timescale.unit == TimescaleUnit::Hours)
        return received.toUTC().addSecs(qint64(timescale.amount) * 3600);
    // By the end of the Nth working day after the UK date of receipt, whatever day that was (issue 16).
    QDate day = UkTime::of(received).date();
    for (int n = 0; n < timescale.amount; ++n)
        day = nextWorkingDay(day);
    return QDateTime(day, QTime(23, 59, 59, 999), UkTime::zone()).toUTC();
}

} // namespace FrontDoor
