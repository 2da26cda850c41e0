#pragma once

#include <QDateTime>
#include <QVariant>

// Times in the database: UTC ISO 8601 with milliseconds ("2026-11-24T10:55:00.000Z"), everywhere, so that they
// sort as text and read the same in every dialect.
namespace FrontDoor::StoredTime {

inline QString text(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// For binding: NULL when the time is not set.
inline QVariant orNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(text(time)) : QVariant();
}

inline QDateTime parse(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace FrontDoor::StoredTime
