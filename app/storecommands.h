#pragma once

#include "commandline.h"

namespace FrontDoor::StoreCommands {

// frontdoor verify-audit [--db PATH]: walks the audit chain and the referrals' states; exit 0 intact, 1 broken,
// 2 when the database cannot be opened.
int verifyAudit(const Options &options);
// frontdoor backup [--db PATH]: a verified, rotated backup in the backup folder beside the database.
int backup(const Options &options);
// frontdoor restore FILE [--db PATH]: replaces the database with a backup that passes its checks.
int restore(const Options &options);

} // namespace FrontDoor::StoreCommands
