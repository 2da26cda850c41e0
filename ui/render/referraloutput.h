#pragma once

#include "access/actor.h"
#include "common/clock.h"
#include "common/result.h"
#include "documents/referraldocuments.h"
#include "profile/profile.h"

class QPagedPaintDevice;

namespace FrontDoor {

class Database;
class AnchorLog;
class ReferralRepository;

// Everything that leaves the building from one referral, for the command line and the window alike (issue 8): the
// referral as JSON, one of its documents as a PDF file, or on a printer. Each is refused for a training case and
// for a role that does not export or print (supervisors do), and each is one audit event naming the format, the
// document and the file or printer — never the content. A file whose event cannot be recorded is removed; a
// printout is recorded before the first page is laid out, so nothing is on paper without its event.
class ReferralOutput
{
public:
    ReferralOutput(ReferralRepository &referrals, Database &database, const Profile &profile, Actor actor,
                   const Clock &clock, AnchorLog &anchors);

    // The document as it will be printed or saved: what a preview or a test reads.
    Result<Document> document(DocumentKind kind, const Referral &referral) const;
    // A file name that names no person: the document's own stem, or referral-<reference>.json.
    static QString suggestedFileName(const Document &document);
    static QString suggestedJsonName(const Referral &referral);

    Status saveJson(const Referral &referral, const QString &path);
    Status savePdf(const Referral &referral, DocumentKind kind, const QString &path);
    // `printerName` is what the trail records as where it went.
    Status print(const Referral &referral, DocumentKind kind, QPagedPaintDevice &printer, const QString &printerName);

private:
    Status mayLeave() const;
    // The document as it leaves (saved or printed): anchored first, the anchor in its footer.
    Result<Document> leaving(DocumentKind kind, const Referral &referral);
    Status recordOrRemove(const Referral &referral, const QJsonObject &details, const QString &path);

    ReferralRepository &m_referrals; // not owned
    Database &m_database;            // not owned
    const Profile &m_profile;        // not owned
    Actor m_actor;
    const Clock &m_clock; // not owned
    AnchorLog &m_anchors; // not owned
};

} // namespace FrontDoor
