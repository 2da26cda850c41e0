#include "common/uktime.h"

namespace FrontDoor::UkTime {

const QTimeZone &zone()
{
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    return london;
}

QDateTime of(const QDateTime &moment)
{
    return moment.toTimeZone(zone());
}

QString text(const QDateTime &moment, const QString &pattern)
{
    return moment.isValid() ? of(moment).toString(pattern) : QString();
}

} // namespace FrontDoor::UkTime
