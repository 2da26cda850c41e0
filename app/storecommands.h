#pragma once

#include "commandline.h"
#include "store/store.h"

namespace FrontDoor::StoreCommands {

// The database a command or the window works on: --db, or the default live one, or with --training the default
// training one; and how to open it (a training database only with --training, and the other way round).
QString databasePath(const Options &options);
Store::Options storeOptions(const Options &options);

// Opens the database at `path` with `opening`; an encrypted one (issue 20) with its key, unwrapped by the password
// of the --as person (read once: their sign-in that follows takes the same), refused with a clear message without.
Result<std::unique_ptr<Store>> openStore(const Options &options, const QString &path, Store::Options opening);
Result<std::unique_ptr<Store>> openStore(const Options &options, const QString &path);
// The key of an encrypted file for the --as person; empty for a plaintext one.
Result<std::shared_ptr<SealingKey>> keyOf(const Options &options, const QString &path);

// frontdoor verify-audit [--db PATH] [--full] [--anchors FILE]: AuditVerifier::verifyAnchored against the store's
// anchor log (from its last verified head unless --full), then records the head reached; exit 0 intact, 1 broken,
// 2 when the database cannot be opened.
int verifyAudit(const Options &options);
// frontdoor backup [--db PATH]: a verified, rotated backup in the backup folder beside the database.
int backup(const Options &options);
// frontdoor restore FILE [--db PATH]: replaces the database with a backup that passes its checks.
int restore(const Options &options);

} // namespace FrontDoor::StoreCommands
