#pragma once

#include "common/result.h"

#include <QStringList>

namespace FrontDoor {

class Database;

// The triggers that keep the audit trail append-only and accounts undeletable (issue 17). The chain catches an edited
// trail afterwards; the triggers stop the edit through SQL in the first place, so someone who drops them has
// changed the file outside Front Door. Expected triggers are those the built-in migrations create, read from a
// scratch in-memory database, so a new migration's trigger is guarded without a list to keep in step.
namespace SchemaGuards {

// Each guard missing or altered, and any trigger no migration made, in words; empty when all is as built.
Result<QStringList> problems(Database &database);

// Team mode: the triggers (table.trigger) that a server script leaves, reading its CREATE [OR REPLACE] TRIGGER and
// DROP TRIGGER [IF EXISTS] statements in order, the table's schema dropped.
QStringList serverTriggers(const QString &script);

} // namespace SchemaGuards
} // namespace FrontDoor
