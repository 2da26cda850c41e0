#include "store/holding.h"

#include <sqlite3.h>

namespace FrontDoor {

Holding holdingOf(sqlite3 *db)
{
    Holding holding;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(
            db, "SELECT (SELECT count(*) FROM referrals), (SELECT seq FROM audit_head)", -1, &statement, nullptr)
            == SQLITE_OK
        && sqlite3_step(statement) == SQLITE_ROW) {
        holding.referrals = sqlite3_column_int64(statement, 0);
        holding.events = sqlite3_column_int64(statement, 1);
    }
    sqlite3_finalize(statement);
    return holding;
}

} // namespace FrontDoor
