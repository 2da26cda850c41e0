#include "bankholidays.h"

#include "common/datafolders.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace FrontDoor {

Result<BankHolidays> BankHolidays::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::ParseError, QStringLiteral("The bank holidays file is not valid JSON at offset "
                                                               "%1: %2.")
                                                    .arg(parseError.offset).arg(parseError.errorString()));
    const QJsonValue events = document.object().value(QLatin1String("events"));
    if (!events.isArray() || events.toArray().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The bank holidays file has no \"events\" list."));
    BankHolidays holidays;
    int index = 0;
    for (const QJsonValue &event : events.toArray()) {
        const QDate date = QDate::fromString(event.toObject().value(QLatin1String("date")).toString(), Qt::ISODate);
        if (!date.isValid())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("Bank holiday %1 in the file has no date in the form YYYY-MM-DD.")
                                 .arg(index + 1));
        holidays.m_dates.insert(date);
        holidays.m_lastYear = std::max(holidays.m_lastYear, date.year());
        ++index;
    }
    return holidays;
}

const BankHolidays &BankHolidays::builtIn()
{
    static const BankHolidays shipped = [] {
        QFile file(QStringLiteral(":/calendar/england-and-wales-bank-holidays.json"));
        Result<BankHolidays> loaded = file.open(QIODevice::ReadOnly) ? fromJson(file.readAll())
                                                                      : Result<BankHolidays>(makeError(ErrorCode::NotFound, {}));
        return loaded ? *loaded : BankHolidays(); // a build without the file is caught by its test
    }();
    return shipped;
}

BankHolidays BankHolidays::installedOrBuiltIn(const QString &installedPath, QString *problem)
{
    problem->clear();
    if (installedPath.isEmpty())
        return builtIn();
    QFile file(installedPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("%1 cannot be read (%2): the built-in bank holidays are used.")
                       .arg(installedPath, file.errorString());
        return builtIn();
    }
    Result<BankHolidays> installed = fromJson(file.readAll());
    if (!installed) {
        *problem = QStringLiteral("%1: %2 The built-in bank holidays are used.").arg(installedPath, installed.errorMessage());
        return builtIn();
    }
    return *installed;
}

namespace {

struct Current
{
    BankHolidays holidays;
    QString problem;
};

const Current &currentChoice()
{
    static const Current chosen = [] {
        Current c;
        c.holidays = BankHolidays::installedOrBuiltIn(
            DataFolders::locate(BankHolidays::installedRelativePath()), &c.problem);
        return c;
    }();
    return chosen;
}

} // namespace

const BankHolidays &BankHolidays::current()
{
    return currentChoice().holidays;
}

QString BankHolidays::currentProblem()
{
    return currentChoice().problem;
}

bool BankHolidays::contains(QDate date) const
{
    if (!isProjected(date))
        return m_dates.contains(date);
    auto year = m_projections.find(date.year());
    if (year == m_projections.end())
        year = m_projections.insert(date.year(), projected(date.year()));
    return year->contains(date);
}

// The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
QDate BankHolidays::easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QSet<QDate> BankHolidays::projected(int year)
{
    const auto firstMonday = [year](int month) {
        QDate day(year, month, 1);
        while (day.dayOfWeek() != Qt::Monday)
            day = day.addDays(1);
        return day;
    };
    const auto lastMonday = [year](int month) {
        QDate day = QDate(year, month, 1).addMonths(1).addDays(-1);
        while (day.dayOfWeek() != Qt::Monday)
            day = day.addDays(-1);
        return day;
    };
    QSet<QDate> days;
    // New Year's Day: on a weekend, the Monday after.
    QDate newYear(year, 1, 1);
    while (newYear.dayOfWeek() > 5)
        newYear = newYear.addDays(1);
    days.insert(newYear);
    const QDate easter = easterSunday(year);
    days.insert(easter.addDays(-2));
    days.insert(easter.addDays(1));
    days.insert(firstMonday(5));
    days.insert(lastMonday(5));
    days.insert(lastMonday(8));
    // Christmas Day then Boxing Day, each on the first weekday not already taken.
    QDate next(year, 12, 25);
    for (int holiday = 0; holiday < 2; ++holiday) {
        while (next.dayOfWeek() > 5 || days.contains(next))
            next = next.addDays(1);
        days.insert(next);
        next = next.addDays(1);
    }
    return days;
}

} // namespace FrontDoor
