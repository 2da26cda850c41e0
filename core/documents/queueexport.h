#pragma once

#include "access/actor.h"
#include "common/result.h"
#include "store/referralqueries.h"

#include <QDateTime>
#include <QStringList>

namespace FrontDoor {

class Database;

namespace QueueExport {

// The queue for reporting (issue 8), for the command line and the window alike: every referral `actor` may see
// that `filter` lets through (its offset and limit are ignored; {} for all), read from the store a page at a time, in
// the chosen columns (QueueCsv: by default no names and no free text), written whole to `path` (owner-only), and one
// audit event with the row count, the columns, `scope` (the filter in words, e.g. "Overdue") and the file's name — the
// file is removed again when that event cannot be written. Refused for a training database and for a role that does not
// export. Returns the number of referrals written.
Result<int> write(ReferralQueries &queries,
                  Database &database,
                  const Actor &actor,
                  const QDateTime &now,
                  const QStringList &columns,
                  const QString &path,
                  const ReferralFilter &filter = {},
                  const QString &scope = QStringLiteral("every referral"));

} // namespace QueueExport
} // namespace FrontDoor
