#include "access/permissions.h"

namespace FrontDoor {

QString operationName(Operation operation)
{
    switch (operation) {
    case Operation::CreateReferral: return QStringLiteral("create a referral");
    case Operation::ViewOwnReferral: return QStringLiteral("open your own referrals");
    case Operation::ViewAnyReferral: return QStringLiteral("open any referral");
    case Operation::EditOwnDraft: return QStringLiteral("edit your own unsubmitted referral");
    case Operation::EditAnyDraft: return QStringLiteral("edit another person's unsubmitted referral");
    case Operation::SubmitOwnReferral: return QStringLiteral("submit your own referral");
    case Operation::AmendSubmitted: return QStringLiteral("amend a submitted referral");
    case Operation::RecordDecision: return QStringLiteral("record discussions, outcomes and feedback");
    case Operation::ApproveConsentDecision: return QStringLiteral("approve a consent decision");
    case Operation::SignDecision: return QStringLiteral("sign a decision");
    case Operation::ExportOrPrint: return QStringLiteral("export or print a referral");
    case Operation::ManageAccounts: return QStringLiteral("manage accounts");
    case Operation::ManageSettings: return QStringLiteral("change settings");
    case Operation::ManageBackups: return QStringLiteral("make and restore backups");
    case Operation::VerifyAudit: return QStringLiteral("verify the audit trail");
    }
    return {};
}

bool isAllowed(Role role, Operation operation)
{
    switch (operation) {
    case Operation::CreateReferral:
    case Operation::ViewOwnReferral:
    case Operation::EditOwnDraft:
    case Operation::SubmitOwnReferral:
        return role == Role::CallHandler || role == Role::Supervisor;
    case Operation::ViewAnyReferral:
    case Operation::EditAnyDraft:
    case Operation::AmendSubmitted:
    case Operation::RecordDecision:
    case Operation::ApproveConsentDecision:
    case Operation::SignDecision:
    case Operation::ExportOrPrint:
        return role == Role::Supervisor;
    case Operation::ManageAccounts:
    case Operation::ManageSettings:
    case Operation::ManageBackups:
        return role == Role::Administrator;
    case Operation::VerifyAudit:
        return role == Role::Administrator || role == Role::Supervisor;
    }
    return false;
}

} // namespace FrontDoor
