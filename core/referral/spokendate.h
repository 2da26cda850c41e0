#pragma once

#include "common/result.h"

#include <QDate>

namespace FrontDoor {

// Dates as people say them on the phone: "12/3/15", "12.03.2015", "12-3-2015", "12 Mar 2015", "12th March 2015",
// "March 12 2015", "2015-03-12". Impossible dates are refused with a message a call-handler understands.
class SpokenDate
{
public:
    enum class Kind {
        Any,
        BirthDate,    // not in the future, not more than 120 years ago; "15" means 2015, "87" means 1987
        DeliveryDate, // an expected date of delivery: from 3 months ago to 10 months ahead; "27" means 2027
    };

    static Result<QDate> parse(const QString &text, QDate today, Kind kind = Kind::Any);

    // "12 Mar 2015" — how a parsed date is shown back beside the field.
    static QString display(QDate date);
};

// An age when the date of birth is not known: "about 7", "7", "7 years", "approx 7", "6 months", "18 months".
struct EstimatedAge
{
    int months = 0; // total months

    QString canonical() const; // "age:7y" or "age:18m" — the stored form
    QString display() const;   // "about 7 years old"
    static Result<EstimatedAge> parse(const QString &text);
    static bool fromCanonical(const QString &value, EstimatedAge *age);
    friend bool operator==(const EstimatedAge &, const EstimatedAge &) = default;
};

// A date-or-estimated-age answer: what the call-handler typed becomes the stored value ("2015-03-12" or
// "age:7y") and the text to show back.
struct DateOrAge
{
    QString value;
    QString display;
    static Result<DateOrAge> parse(const QString &text, QDate today);
    // Reads a stored value back; false when it is neither form.
    static bool isCanonical(const QString &value);
};

// A moment as people say it: "24/11/2026 10:05", "24 Nov 10.05", "today 9:40", "yesterday 16:30", or a time
// alone ("10:05", meaning today). Read as UK time; stored as UTC, ISO 8601 with milliseconds (how the store keeps
// every time, so the core's check of a date-and-time answer accepts it). A stored value is read back as it is.
struct SpokenDateTime
{
    QString value;   // "2026-11-24T10:05:00.000Z"
    QString display; // "Tue 24 Nov 2026, 10:05"
    static Result<SpokenDateTime> parse(const QString &text, const QDateTime &now);
};

} // namespace FrontDoor
