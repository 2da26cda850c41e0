#include "calendarcommand.h"

#include "calendar/bankholidays.h"
#include "calendar/workingcalendar.h"

#include <QDate>
#include <QTextStream>

namespace FrontDoor::CalendarCommand {

namespace {

int refuse(const QString &message)
{
    QTextStream(stderr) << "frontdoor calendar: " << message << '\n';
    return 2;
}

const QString usage = QStringLiteral("say working-days-after DATE N, or is-working-day DATE (DATE as 2026-11-28)");

QString projectedNote(const WorkingCalendar &calendar, QDate date)
{
    return calendar.isProjected(date) ? QStringLiteral(" (projected: bank holidays for this year are not yet published)")
                                      : QString();
}

} // namespace

int run(const Options &options)
{
    const QStringList &args = options.commandArguments;
    if (args.isEmpty())
        return refuse(usage);
    const WorkingCalendar calendar(BankHolidays::current());
    const QDate date = QDate::fromString(args.value(1), Qt::ISODate);
    if (args.value(1).isEmpty() || !date.isValid())
        return refuse(QStringLiteral("\"%1\" is not a date like 2026-11-28. %2").arg(args.value(1), usage));
    QTextStream out(stdout);
    if (args.constFirst() == QLatin1String("is-working-day") && args.size() == 2) {
        const bool working = calendar.isWorkingDay(date);
        out << (working ? "yes" : "no") << projectedNote(calendar, date) << '\n';
        return working ? 0 : 1;
    }
    if (args.constFirst() == QLatin1String("working-days-after") && args.size() == 3) {
        bool ok = false;
        const int n = args.at(2).toInt(&ok);
        if (!ok || n < 0 || n > 365)
            return refuse(QStringLiteral("\"%1\" is not a number of working days from 0 to 365.").arg(args.at(2)));
        QDate day = date;
        for (int i = 0; i < n; ++i)
            day = calendar.nextWorkingDay(day);
        out << day.toString(Qt::ISODate) << projectedNote(calendar, day) << '\n';
        return 0;
    }
    return refuse(usage);
}

} // namespace FrontDoor::CalendarCommand
