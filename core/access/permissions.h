#pragma once

#include "access/role.h"

#include <QString>

namespace FrontDoor {

// What someone may do, by role (issue 5). The store checks this table on every call; the UI only greys out what
// the store would refuse. "Own" means the referral's handler is the person acting.
enum class Operation {
    CreateReferral,
    ViewOwnReferral,
    ViewAnyReferral,
    EditOwnDraft,         // until it is submitted
    EditAnyDraft,
    SubmitOwnReferral,
    AmendSubmitted,       // with a reason
    RecordDecision,       // discussions, outcomes, feedback (NOR-O1, LIN-O3, LIN-T5)
    ApproveConsentDecision, // NOR-C4, NOR-C5
    SignDecision,         // NOR-D2: timed, dated and signed
    ExportOrPrint,
    ManageAccounts,
    ManageSettings,
    ManageBackups,
    VerifyAudit,
};

inline constexpr Operation allOperations[] = {
    Operation::CreateReferral,  Operation::ViewOwnReferral,   Operation::ViewAnyReferral,
    Operation::EditOwnDraft,    Operation::EditAnyDraft,      Operation::SubmitOwnReferral,
    Operation::AmendSubmitted,  Operation::RecordDecision,    Operation::ApproveConsentDecision,
    Operation::SignDecision,    Operation::ExportOrPrint,     Operation::ManageAccounts,
    Operation::ManageSettings,  Operation::ManageBackups,     Operation::VerifyAudit,
};

QString operationName(Operation operation);

// Administrators manage accounts, settings and backups, and do not read case content (they are given a
// supervisor's account too when they need to).
bool isAllowed(Role role, Operation operation);

} // namespace FrontDoor
