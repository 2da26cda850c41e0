#pragma once

#include "profile/profile.h"
#include "store/auditevent.h"

namespace FrontDoor {

// One audit event as a line a supervisor reads (issue 7): "24 Nov 14:03 — priya — changed Do the parents know
// about this referral…: (none) → The parent refused". Paths are named by their question, choices by their label.
QString historyLine(const AuditEvent &event, const Profile &profile);
// The lines one event reads as: one per item for a save that changed several (issue 21's `fieldsChanged`), so the
// history reads the same whichever way the items were saved.
QStringList historyLines(const AuditEvent &event, const Profile &profile);

} // namespace FrontDoor
