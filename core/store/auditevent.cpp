#include "store/auditevent.h"

#include <array>
#include <utility>

namespace FrontDoor {

namespace {
constexpr std::array<std::pair<AuditKind, const char *>, 27> names{{
    {AuditKind::Created, "created"},
    {AuditKind::FieldChanged, "fieldChanged"},
    {AuditKind::FieldsChanged, "fieldsChanged"},
    {AuditKind::Submitted, "submitted"},
    {AuditKind::StatusChanged, "statusChanged"},
    {AuditKind::Amended, "amended"},
    {AuditKind::DecisionRecorded, "decisionRecorded"},
    {AuditKind::Signed, "signed"},
    {AuditKind::Viewed, "viewed"},
    {AuditKind::Exported, "exported"},
    {AuditKind::Printed, "printed"},
    {AuditKind::Imported, "imported"},
    {AuditKind::LockTakenOver, "lockTakenOver"},
    {AuditKind::BackupMade, "backupMade"},
    {AuditKind::Restored, "restored"},
    {AuditKind::SignedIn, "signedIn"},
    {AuditKind::SignedOut, "signedOut"},
    {AuditKind::SignInFailed, "signInFailed"},
    {AuditKind::Locked, "locked"},
    {AuditKind::Unlocked, "unlocked"},
    {AuditKind::AccountCreated, "accountCreated"},
    {AuditKind::AccountDisabled, "accountDisabled"},
    {AuditKind::PasswordReset, "passwordReset"},
    {AuditKind::AccountEnabled, "accountEnabled"},
    {AuditKind::AccountsRecorded, "accountsRecorded"},
    {AuditKind::Discarded, "discarded"},
    {AuditKind::Encrypted, "encrypted"},
}};
} // namespace

QString auditKindName(AuditKind kind)
{
    for (const auto &[k, name] : names)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<AuditKind> auditKindFromName(const QString &name)
{
    for (const auto &[k, n] : names)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

} // namespace FrontDoor
