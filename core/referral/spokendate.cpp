#include "referral/spokendate.h"

#include "common/uktime.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <array>

namespace FrontDoor {

namespace {

constexpr std::array<const char *, 12> monthNames{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november",
                                                  "december"};

// 1–12 for an English month name or its first three letters ("sept" too); 0 otherwise.
int monthFromName(const QString &word)
{
    const QString w = word.toLower();
    if (w.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        const QString name = QString::fromLatin1(monthNames.at(static_cast<std::size_t>(i)));
        if (name == w || (w.size() <= name.size() && name.startsWith(w)))
            return i + 1;
    }
    return 0;
}

QString monthName(int month)
{
    QString name = QString::fromLatin1(monthNames.at(static_cast<std::size_t>(month - 1)));
    name[0] = name[0].toUpper();
    return name;
}

int expandYear(int year, int digits, QDate today, SpokenDate::Kind kind)
{
    if (digits != 2)
        return year;
    const int century = (today.year() / 100) * 100;
    int expanded = century + year;
    // A birth date is never in the future; an expected delivery is never long past.
    if (kind == SpokenDate::Kind::BirthDate && expanded > today.year())
        expanded -= 100;
    if (kind == SpokenDate::Kind::Any && expanded > today.year() + 10)
        expanded -= 100;
    return expanded;
}

Error notADate(const QString &text)
{
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("\"%1\" is not a date I can read. Try 12/03/2015 or 12 Mar 2015.")
                         .arg(text.trimmed().left(40)));
}

Result<QDate> build(int day, int month, int year, const QString &text)
{
    if (month < 1 || month > 12)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is not a month: months go from 1 to 12 (in \"%2\").")
                             .arg(month)
                             .arg(text.trimmed().left(40)));
    if (year < 1 || year > 9999)
        return notADate(text);
    const int daysInMonth = QDate(year, month, 1).daysInMonth();
    if (day < 1 || day > daysInMonth)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("There is no %1 %2 %3: %2 %3 has %4 days.")
                             .arg(day)
                             .arg(monthName(month))
                             .arg(year)
                             .arg(daysInMonth));
    return QDate(year, month, day);
}

Result<QDate> parseShape(const QString &input, QDate today, SpokenDate::Kind kind)
{
    const QString text = input.trimmed();
    static const QRegularExpression numeric(QStringLiteral(R"(^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$)"));
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)"));
    static const QRegularExpression compact(QStringLiteral(R"(^(\d{2})(\d{2})(\d{4})$)"));
    static const QRegularExpression dayMonthName(
        QStringLiteral(R"(^(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([A-Za-z]+)\.?,?\s*(\d{2}|\d{4})$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression monthNameDay(
        QStringLiteral(R"(^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})$)"),
        QRegularExpression::CaseInsensitiveOption);

    QRegularExpressionMatch m;
    if ((m = iso.match(text)).hasMatch())
        return build(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(), text);
    if ((m = numeric.match(text)).hasMatch()) // UK order: day, month, year
        return build(m.captured(1).toInt(), m.captured(2).toInt(),
                     expandYear(m.captured(3).toInt(), int(m.captured(3).size()), today, kind), text);
    if ((m = compact.match(text)).hasMatch())
        return build(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), text);
    if ((m = dayMonthName.match(text)).hasMatch()) {
        const int month = monthFromName(m.captured(2));
        if (month == 0)
            return notADate(text);
        return build(m.captured(1).toInt(), month,
                     expandYear(m.captured(3).toInt(), int(m.captured(3).size()), today, kind), text);
    }
    if ((m = monthNameDay.match(text)).hasMatch()) {
        const int month = monthFromName(m.captured(1));
        if (month == 0)
            return notADate(text);
        return build(m.captured(2).toInt(), month,
                     expandYear(m.captured(3).toInt(), int(m.captured(3).size()), today, kind), text);
    }
    return notADate(text);
}

} // namespace

Result<QDate> SpokenDate::parse(const QString &text, QDate today, Kind kind)
{
    if (text.size() > 60)
        return notADate(text);
    Result<QDate> date = parseShape(text, today, kind);
    if (!date)
        return date;
    switch (kind) {
    case Kind::BirthDate:
        if (*date > today)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is in the future: a date of birth cannot be. For an unborn child, "
                                            "record the expected date of delivery.")
                                 .arg(display(*date)));
        if (*date < today.addYears(-120))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is more than 120 years ago. Check the year.").arg(display(*date)));
        break;
    case Kind::DeliveryDate:
        if (*date < today.addMonths(-3))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is more than three months ago: if the baby has been born, record "
                                            "a date of birth instead.")
                                 .arg(display(*date)));
        if (*date > today.addMonths(10))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is more than ten months away: check the expected date of "
                                            "delivery.")
                                 .arg(display(*date)));
        break;
    case Kind::Any:
        break;
    }
    return date;
}

QString SpokenDate::display(QDate date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMM yyyy"));
}

QString EstimatedAge::canonical() const
{
    if (months % 12 == 0 && months >= 24)
        return QStringLiteral("age:%1y").arg(months / 12);
    return QStringLiteral("age:%1m").arg(months);
}

QString EstimatedAge::display() const
{
    if (months >= 24 || (months >= 12 && months % 12 == 0)) {
        const int years = months / 12;
        return years == 1 ? QStringLiteral("about 1 year old") : QStringLiteral("about %1 years old").arg(years);
    }
    return months == 1 ? QStringLiteral("about 1 month old") : QStringLiteral("about %1 months old").arg(months);
}

Result<EstimatedAge> EstimatedAge::parse(const QString &input)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:(?:about|approx(?:imately)?\.?|around|roughly|maybe|c\.|circa|~)\s*)?(\d{1,3})\s*)"
                       R"((years?|yrs?|y|yo|y/o|months?|mths?|mo|m)?(?:\s*old)?\s*\??$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = input.trimmed();
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch() || text.size() > 40)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not an age I can read. Try \"about 7\" or \"18 months\".")
                             .arg(text.left(40)));
    const int number = m.captured(1).toInt();
    const QString unit = m.captured(2).toLower();
    const bool inMonths = unit.startsWith(QLatin1Char('m'));
    EstimatedAge age{inMonths ? number : number * 12};
    if (age.months > 18 * 12)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is not the age of a child (0 to 18 years).").arg(age.display()));
    return age;
}

bool EstimatedAge::fromCanonical(const QString &value, EstimatedAge *age)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^age:(\d{1,3})([ym])$)"));
    const QRegularExpressionMatch m = pattern.match(value);
    if (!m.hasMatch())
        return false;
    const int number = m.captured(1).toInt();
    age->months = m.captured(2) == QLatin1String("y") ? number * 12 : number;
    return true;
}

Result<DateOrAge> DateOrAge::parse(const QString &text, QDate today)
{
    const Result<QDate> date = SpokenDate::parse(text, today, SpokenDate::Kind::BirthDate);
    if (date)
        return DateOrAge{date->toString(Qt::ISODate), SpokenDate::display(*date)};
    const Result<EstimatedAge> age = EstimatedAge::parse(text);
    if (age)
        return DateOrAge{age->canonical(), age->display()};
    // A date-shaped input deserves the date's message ("There is no 30 February"), a number the age's.
    static const QRegularExpression separatedDigits(QStringLiteral(R"(\d\s*[/.\-]\s*\d)"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]+"));
    bool namesMonth = false;
    for (const QRegularExpressionMatch &m : word.globalMatch(text))
        namesMonth = namesMonth || monthFromName(m.captured()) != 0;
    if (separatedDigits.match(text).hasMatch() || namesMonth)
        return date.error();
    static const QRegularExpression looksLikeAge(QStringLiteral(R"(^\D{0,15}\d{1,3}\D{0,12}$)"));
    if (looksLikeAge.match(text.trimmed()).hasMatch())
        return age.error();
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("\"%1\" is neither a date nor an age I can read. Try 12/03/2015, 12 Mar 2015 "
                                    "or \"about 7\".")
                         .arg(text.trimmed().left(40)));
}

bool DateOrAge::isCanonical(const QString &value)
{
    EstimatedAge age;
    return QDate::fromString(value, Qt::ISODate).isValid() || EstimatedAge::fromCanonical(value, &age);
}

namespace {

SpokenDateTime shown(const QDateTime &moment)
{
    const QDateTime uk = UkTime::of(moment);
    return SpokenDateTime{moment.toUTC().toString(Qt::ISODateWithMs),
                          uk.toString(QStringLiteral("ddd d MMM yyyy, HH:mm"))};
}

} // namespace

Result<SpokenDateTime> SpokenDateTime::parse(const QString &text, const QDateTime &now)
{
    const QString trimmed = text.simplified();
    if (const QDateTime stored = QDateTime::fromString(trimmed, Qt::ISODateWithMs); stored.isValid())
        return shown(stored);
    static const QRegularExpression timeAtEnd(QStringLiteral(R"(^(.*?)[\s,]*(?:at\s+)?(\d{1,2})[:.](\d{2})$)"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = timeAtEnd.match(trimmed);
    if (!match.hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Give the date and the time, e.g. \"24/11/2026 10:05\" or \"today 10:05\"."));
    const QTime time(match.captured(2).toInt(), match.captured(3).toInt());
    if (!time.isValid())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1:%2 is not a time of day.")
                                                      .arg(match.captured(2), match.captured(3)));
    const QDate today = UkTime::of(now).date();
    const QString day = match.captured(1).trimmed().toLower();
    QDate date;
    if (day.isEmpty() || day == QLatin1String("today"))
        date = today;
    else if (day == QLatin1String("yesterday"))
        date = today.addDays(-1);
    else if (Result<QDate> spoken = SpokenDate::parse(day, today); spoken)
        date = *spoken;
    else
        return spoken.error();
    return shown(QDateTime(date, time, UkTime::zone()));
}

} // namespace FrontDoor
