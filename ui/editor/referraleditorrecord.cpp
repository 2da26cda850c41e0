#include "referraleditor.h"

#include "editorheader.h"
#include "autosaver.h"
#include "questionwidget.h"
#include "sectionpage.h"
#include "theme.h"

#include "store/referralrepository.h"

// The editor as a record, in a file of its own: frozen once submitted, its header saying what it now is, and a call
// started by mistake set aside (issue 18).
namespace FrontDoor {

// Read-only: the questions take no input, but each section still scrolls, so the whole record can be read.
void ReferralEditor::freezeForm()
{
    for (SectionPage *page : std::as_const(m_sectionPages)) {
        page->setEnabled(false);
        Theme::setKind(page, Theme::Kind::record); // read as a record: full contrast, not greyed out
        for (QuestionWidget *question : page->findChildren<QuestionWidget *>())
            question->showAsRecord();
    }
}

void ReferralEditor::showRecordStatus(ReferralStatus status)
{
    QString name = referralStatusName(status); // "submitted", "decided", "closed"
    name[0] = name[0].toUpper();
    m_header->setCallEnded(referral().callEndedAt, name); // none recorded (imported): no running clock either
}

Status ReferralEditor::discard(const QString &reason)
{
    if (m_readOnly || m_submitted)
        return makeError(ErrorCode::InvalidInput, tr("Only a call still being taken here can be discarded."));
    if (!m_saver->flushNow())
        return makeError(ErrorCode::IoError, tr("What was typed could not be saved first, so nothing was discarded."));
    const Result<SaveReceipt> discarded
        = m_referrals.discard(referral().reference, m_saver->revision(), m_actor, reason);
    if (!discarded)
        return discarded.error();
    m_readOnly = true; // nothing more is typed into it; the window closes it
    return {};
}

} // namespace FrontDoor
