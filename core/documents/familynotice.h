#pragma once

#include "documents/document.h"
#include "documents/redactedreferral.h"
#include "profile/profile.h"

namespace FrontDoor {

// The notice to the parents or carers that a referral has been made (NOR-C6, LIN-A4): which children, when, to
// which service, and how to get in touch — and who made it only when the identity decision allows (NOR-A1, LIN-A5).
// It is built from a RedactedReferral for the family, so nothing else can reach it.
Document familyNotice(const RedactedReferral &forFamily, const Profile &profile);

} // namespace FrontDoor
