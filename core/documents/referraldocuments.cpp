#include "documents/referraldocuments.h"

#include "documents/familynotice.h"
#include "documents/redactedreferral.h"
#include "documents/referrerfeedback.h"
#include "documents/writtenrecord.h"
#include "rules/evaluator.h"

namespace FrontDoor {

QString documentKindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::WrittenRecord: return QStringLiteral("record");
    case DocumentKind::FamilyNotice: return QStringLiteral("notice");
    case DocumentKind::ReferrerFeedback: return QStringLiteral("feedback");
    }
    return {};
}

std::optional<DocumentKind> documentKindFromName(const QString &name)
{
    for (DocumentKind kind : {DocumentKind::WrittenRecord, DocumentKind::FamilyNotice, DocumentKind::ReferrerFeedback})
        if (documentKindName(kind) == name)
            return kind;
    return std::nullopt;
}

Document referralDocument(DocumentKind kind, const Referral &referral, const Profile &profile,
                          const QList<AuditEvent> &signatures, const QDateTime &now)
{
    switch (kind) {
    case DocumentKind::FamilyNotice:
        return familyNotice(RedactedReferral(referral, Audience::Family), profile);
    case DocumentKind::ReferrerFeedback:
        return referrerFeedback(referral, profile);
    case DocumentKind::WrittenRecord:
        break;
    }
    return writtenRecord(referral, profile, withSeverity(evaluate(referral, profile, now), Severity::Outstanding),
                         signatures);
}

} // namespace FrontDoor
