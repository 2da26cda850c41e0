#pragma once

#include "common/result.h"

namespace FrontDoor {

class Database;

// Step 5 of the SQLite schema (issue 21): the search index written again, every referral's entry from its search
// text as ReferralIndex::indexedBody folds it. Runs inside the step's transaction (Database::Options::duringStep).
namespace SearchMigration {
Status reindex(Database &database);
} // namespace SearchMigration

} // namespace FrontDoor
