#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace FrontDoor {

// What an audit event records (NOR-D1, NOR-D2: who recorded and decided what, and when).
enum class AuditKind {
    Created,      // a draft was started: the call's start, the handler
    FieldChanged, // one item from → to (a typing burst is one event)
    // Several items in one save (issue 21): {"to": {path: value…}, "from": {path: value…}} — `from` holds only the
    // items that had a value, so an item absent from it was empty. One event per save, not one per item.
    FieldsChanged,
    Submitted,     // the call-handler submitted; the findings still outstanding
    StatusChanged, // decided, closed
    Amended,       // a change after submission, with its reason
    DecisionRecorded,
    Signed,
    Viewed,
    Exported,
    Printed,
    Imported,
    LockTakenOver, // a stale case lock was taken over
    BackupMade,
    Restored,
    SignedIn,
    SignedOut,
    SignInFailed,
    Locked,
    Unlocked,
    AccountCreated,
    AccountDisabled,
    PasswordReset,
    AccountEnabled,
    Discarded,        // a call started by mistake set aside, with the reason (issue 18)
    AccountsRecorded, // every account's state, once, when account changes began to be recorded (issue 17)
    Encrypted,        // a plaintext database converted to an encrypted one, by whom (issue 20)
};

QString auditKindName(AuditKind kind);
std::optional<AuditKind> auditKindFromName(const QString &name);

struct AuditEvent
{
    qint64 sequence = 0;
    QString reference; // empty for events not about one referral
    QString user;
    QDateTime at;      // UTC, milliseconds
    QString kind;      // auditKindName(); kept as text so a newer trail still reads
    QJsonObject payload;
    QString previousHash;
    QString hash;
};

} // namespace FrontDoor
