#pragma once

#include "common/result.h"

#include <QDate>
#include <QHash>
#include <QSet>

namespace FrontDoor {

// England and Wales bank holidays as the government publishes them (substitute days and one-off holidays
// included): resources/calendar/england-and-wales-bank-holidays.json, compiled in. For a year after the last one
// published, the standard rules are projected — New Year's Day, Good Friday, Easter Monday, the first and last
// Mondays of May, the last Monday of August, Christmas and Boxing Day, with their substitute days — and such a
// date says it rests on a projection (one-off holidays cannot be foreseen).
class BankHolidays
{
public:
    // The published file's format: {"division": …, "events": [{"title", "date": "YYYY-MM-DD", "notes"}, …]}.
    static Result<BankHolidays> fromJson(const QByteArray &json);
    // The copy shipped inside the program (loaded once).
    static const BankHolidays &builtIn();
    // What the program uses (loaded once): a file an administrator installed as
    // <data folder>/calendar/england-and-wales-bank-holidays.json (per user, or system-wide under /usr/share or
    // /usr/local/share) when there is one and it reads well, otherwise the built-in copy.
    static const BankHolidays &current();
    // Why an installed file was not used (empty when none was installed, or it was): for the window to say.
    static QString currentProblem();
    // The choice current() makes, for a given installed file (empty: none): the file's holidays, or the built-in
    // ones with the reason in `problem`.
    static BankHolidays installedOrBuiltIn(const QString &installedPath, QString *problem);
    static QString installedRelativePath() { return QStringLiteral("calendar/england-and-wales-bank-holidays.json"); }

    bool contains(QDate date) const;
    int lastYear() const { return m_lastYear; }
    // True for a date in a year after the last published one: whether it is a holiday was projected.
    bool isProjected(QDate date) const { return date.year() > m_lastYear; }

    // The standard rules for one year, substitute days included.
    static QSet<QDate> projected(int year);
    static QDate easterSunday(int year);

private:
    QSet<QDate> m_dates;
    mutable QHash<int, QSet<QDate>> m_projections; // filled on first use, per year
    int m_lastYear = 0;
};

} // namespace FrontDoor
