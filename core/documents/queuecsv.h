#pragma once

#include "common/result.h"
#include "store/referralqueries.h"

#include <QStringList>

namespace FrontDoor::QueueCsv {

// The queue as CSV for reporting (issue 8). The default columns hold no free text and no identity: reference,
// profile, received, status, urgent, next due, handler. "children" (their names) must be asked for by name.
// RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
QStringList defaultColumns();
QStringList knownColumns();
// The CSV text, or an error naming an unknown column.
Result<QByteArray> write(const QList<ReferralSummary> &rows, const QStringList &columns);

} // namespace FrontDoor::QueueCsv
