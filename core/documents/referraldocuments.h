#pragma once

#include "documents/document.h"
#include "profile/profile.h"
#include "referral/referral.h"
#include "store/auditevent.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace FrontDoor {

// The documents a referral can be turned into (issue 8), by the name the command line and the trail use.
enum class DocumentKind {
    WrittenRecord,    // "record": internal, names the referrer
    FamilyNotice,     // "notice": to the parents or carers, redacted for the family (NOR-C6, LIN-A4)
    ReferrerFeedback, // "feedback": to the referrer (LIN-T5, ALL-T6)
};

QString documentKindName(DocumentKind kind);
std::optional<DocumentKind> documentKindFromName(const QString &name);

// The one place a kind becomes its Document, for the command line and the window alike: the family notice is
// built from the referral redacted for the family, never from the referral itself. `signatures` are the referral's
// "signed" audit events (the written record lists them); `now` dates the findings still outstanding.
Document referralDocument(DocumentKind kind, const Referral &referral, const Profile &profile,
                          const QList<AuditEvent> &signatures, const QDateTime &now);

} // namespace FrontDoor
