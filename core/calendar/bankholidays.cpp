#include "bankholidays.h"

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

} // namespace FrontDoor
