#include "store/searchmigration.h"

#include "store/database.h"
#include "store/referralindex.h"

#include <QSqlQuery>

namespace FrontDoor::SearchMigration {

Status reindex(Database &database)
{
    // Read whole first: the statement that writes is the catalog's, prepared once and reused for every row.
    QSqlQuery sources(database.connection());
    sources.setForwardOnly(true);
    if (!sources.exec(database.sql().statement(QStringLiteral("search.sources"))))
        return makeError(
            ErrorCode::DatabaseError,
            QStringLiteral("%1: the search index could not be rebuilt — nothing was changed").arg(database.path()));
    while (sources.next()) {
        Result<QSqlQuery *> added = database.exec(
            QStringLiteral("search.add"),
            {{"id", sources.value(0)}, {"body", ReferralIndex::indexedBody(sources.value(1).toString(), false)}});
        if (!added)
            return added.error();
    }
    return {};
}

} // namespace FrontDoor::SearchMigration
