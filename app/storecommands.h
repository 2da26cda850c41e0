#pragma once

#include "commandline.h"
#include "store/store.h"

namespace FrontDoor::StoreCommands {

// The database a command or the window works on: --db, or the default live one, or with --training the default
// training one; and how to open it (a training database only with --training, and the other way round).
QString databasePath(const Options &options);
Store::Options storeOptions(const Options &options);

// frontdoor verify-audit [--db PATH] [--full] [--anchors FILE]: AuditVerifier::verifyAnchored against the store's
// anchor log (from its last verified head unless --full), then records the head reached; exit 0 intact, 1 broken,
// 2 when the database cannot be opened.
int verifyAudit(const Options &options);
// frontdoor backup [--db PATH]: a verified, rotated backup in the backup folder beside the database.
int backup(const Options &options);
// frontdoor restore FILE [--db PATH]: replaces the database with a backup that passes its checks.
int restore(const Options &options);

} // namespace FrontDoor::StoreCommands
