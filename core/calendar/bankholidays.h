#pragma once

#include "common/result.h"

#include <QDate>
#include <QSet>

namespace FrontDoor {

// England and Wales bank holidays as the government publishes them (substitute days and one-off holidays
// included): resources/calendar/england-and-wales-bank-holidays.json, compiled in. Dates after the last published
// year are not known here; issue 7 projects them from the standard rules.
class BankHolidays
{
public:
    // The published file's format: {"division": …, "events": [{"title", "date": "YYYY-MM-DD", "notes"}, …]}.
    static Result<BankHolidays> fromJson(const QByteArray &json);
    // The copy shipped inside the program (loaded once).
    static const BankHolidays &builtIn();

    bool contains(QDate date) const { return m_dates.contains(date); }
    int lastYear() const { return m_lastYear; }

private:
    QSet<QDate> m_dates;
    int m_lastYear = 0;
};

} // namespace FrontDoor
