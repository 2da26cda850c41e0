#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace FrontDoor::UkTime {

// Every time a person reads is UK time (GMT/BST), whatever zone the workstation is set to: the procedures'
// timescales, opening hours and bank holidays are England's, and a referral read on a laptop set to another zone
// must show the same times as at the front door. Times are stored as UTC (StoredTime); this is for display and for
// reasoning about UK days and hours.
const QTimeZone &zone();

// The same moment as a UK wall-clock time.
QDateTime of(const QDateTime &moment);

// The moment in UK time with a QDateTime pattern ("ddd d MMM HH:mm"); empty for an invalid time.
QString text(const QDateTime &moment, const QString &pattern);

} // namespace FrontDoor::UkTime
