#include "render/referraloutput.h"

#include "access/permissions.h"
#include "referral/referralfacts.h"
#include "referral/referraljson.h"
#include "render/pdfrenderer.h"
#include "store/anchorlog.h"
#include "store/audittrail.h"
#include "store/database.h"
#include "store/exportedfile.h"
#include "store/referralrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

namespace FrontDoor {

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QList<AuditEvent> signaturesOf(Database &database, const QString &reference)
{
    QList<AuditEvent> signatures;
    if (Result<QList<AuditEvent>> events = AuditTrail::forReferral(database, reference))
        for (const AuditEvent &event : *events)
            if (event.kind == auditKindName(AuditKind::Signed))
                signatures.append(event);
    return signatures;
}

} // namespace

ReferralOutput::ReferralOutput(ReferralRepository &referrals, Database &database, const Profile &profile, Actor actor,
                               const Clock &clock, AnchorLog &anchors)
    : m_referrals(referrals), m_database(database), m_profile(profile), m_actor(std::move(actor)), m_clock(clock),
      m_anchors(anchors)
{
}

Result<Document> ReferralOutput::leaving(DocumentKind kind, const Referral &referral)
{
    Result<Document> made = document(kind, referral);
    if (!made)
        return made;
    // The trail's head goes outside the file before the document does, and the document carries it (issue 17):
    // whoever holds the paper can ask IG to prove the trail still holds that head.
    const Result<Anchor> anchored = m_anchors.append(QStringLiteral("export"));
    made->footer = anchored ? AnchorLog::footer(*anchored)
                            : QStringLiteral("Audit anchor: not written (the anchor log could not be reached).");
    return made;
}

Status ReferralOutput::mayLeave() const
{
    if (m_database.isTraining())
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Training cases are invented and are never exported or printed."));
    if (!isAllowed(m_actor.role, Operation::ExportOrPrint))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Only a supervisor exports or prints a referral."));
    return {};
}

Result<Document> ReferralOutput::document(DocumentKind kind, const Referral &referral) const
{
    if (Status allowed = mayLeave(); !allowed)
        return allowed.error();
    if (kind == DocumentKind::ReferrerFeedback && !Facts::canReceiveFeedback(referral))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("No feedback letter for %1: the referrer is anonymous or left no phone number, "
                                        "email or address, so no feedback is due (LIN-T5, ALL-T6).")
                             .arg(referral.reference));
    return referralDocument(kind, referral, m_profile, signaturesOf(m_database, referral.reference), m_clock.now());
}

QString ReferralOutput::suggestedFileName(const Document &document)
{
    return document.fileNameStem + QStringLiteral(".pdf");
}

QString ReferralOutput::suggestedJsonName(const Referral &referral)
{
    return QStringLiteral("referral-%1.json").arg(referral.reference);
}

Status ReferralOutput::recordOrRemove(const Referral &referral, const QJsonObject &details, const QString &path)
{
    QFile::setPermissions(path, ownerOnly);
    QJsonObject withFile = details;
    withFile.insert(QStringLiteral("file"), QFileInfo(path).fileName()); // its name, never its content
    return ExportedFile::keepOnlyIfAudited(
        m_referrals.recordAccess(referral.reference, m_actor, AuditKind::Exported, withFile), path);
}

Status ReferralOutput::saveJson(const Referral &referral, const QString &path)
{
    if (Status allowed = mayLeave(); !allowed)
        return allowed;
    static_cast<void>(m_anchors.append(QStringLiteral("export"))); // JSON has no footer; the log still has its head
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ReferralJson::serialize(referral)) < 0 || !file.commit())
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be written: %2. Nothing was exported.")
                                                 .arg(path, file.errorString()));
    return recordOrRemove(referral, {{QStringLiteral("format"), QStringLiteral("json")},
                                     {QStringLiteral("document"), QStringLiteral("referral")}},
                          path);
}

Status ReferralOutput::savePdf(const Referral &referral, DocumentKind kind, const QString &path)
{
    Result<Document> made = leaving(kind, referral);
    if (!made)
        return made.error();
    if (Status written = PdfRenderer::writePdf(*made, path); !written)
        return written;
    return recordOrRemove(referral, {{QStringLiteral("format"), QStringLiteral("pdf")},
                                     {QStringLiteral("document"), documentKindName(kind)}},
                          path);
}

Status ReferralOutput::print(const Referral &referral, DocumentKind kind, QPagedPaintDevice &printer,
                             const QString &printerName)
{
    Result<Document> made = leaving(kind, referral);
    if (!made)
        return made.error();
    if (Status audited = m_referrals.recordAccess(referral.reference, m_actor, AuditKind::Printed,
                                                  {{QStringLiteral("document"), documentKindName(kind)},
                                                   {QStringLiteral("printer"), printerName}});
        !audited)
        return makeError(audited.error().code,
                         QStringLiteral("The printout could not be recorded in the audit trail, so nothing was "
                                        "printed: %1")
                             .arg(audited.errorMessage()));
    PdfRenderer::paint(*made, printer);
    return {};
}

} // namespace FrontDoor
