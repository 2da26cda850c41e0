#pragma once

#include "commandline.h"

namespace FrontDoor::ExportCommand {

// frontdoor export --reference R --format json|pdf [--document record|notice|feedback] [--out PATH] --as NAME:
// what leaves the building, by a supervisor after their password, as an audit event. JSON is the whole referral
// (referral JSON schema, for a case-management system); a PDF is one document, redacted for its audience by core.
// Training cases are never exported. Exit 0 written, 1 refused, 2 unusable arguments or database.
int run(const Options &options);

} // namespace FrontDoor::ExportCommand
