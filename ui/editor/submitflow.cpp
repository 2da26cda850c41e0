#include "editor/submitflow.h"

#include "counted.h"

#include "calendar/followupplanner.h"
#include "common/uktime.h"
#include "editor/autosaver.h"
#include "referral/fields.h"
#include "store/referralrepository.h"
#include "theme.h"

#include <QLabel>

namespace FrontDoor {

SubmitFlow::SubmitFlow(ReferralRepository &referrals,
                       AutoSaver &saver,
                       const Profile &profile,
                       const Actor &actor,
                       QLabel *bar,
                       QObject *parent)
    : QObject(parent)
    , m_referrals(referrals)
    , m_saver(saver)
    , m_profile(profile)
    , m_actor(actor)
    , m_bar(bar)
{}

SubmitFlow::Step SubmitFlow::press(const std::function<Findings()> &findingsNow)
{
    if (!m_saver.flushNow()) {
        m_bar->setText(tr("<b>Not submitted:</b> the last changes are not saved yet (see the save state). "
                          "Nothing is lost; try again when it says Saved."));
        m_bar->show();
        return Step::Failed;
    }
    const Findings findings = findingsNow();
    const Findings blocking = withSeverity(findings, Severity::Blocking);
    if (!blocking.isEmpty()) {
        m_confirming = false;
        Theme::setKind(m_bar, Theme::Kind::blocked);
        m_bar->setText(tr("<b>Not yet: %1 must be met first</b> — listed at the top of Still to ask. The cursor "
                          "is on the first.")
                           .arg(counted(blocking.size(), tr("procedure requirement"), tr("procedure requirements"))));
        m_bar->show();
        emit blockedAt(blocking.constFirst().path);
        return Step::Blocked;
    }
    if (!m_confirming) {
        m_confirming = true;
        showSummary(findings);
        return Step::AwaitingConfirmation;
    }
    m_confirming = false;
    const Referral &referral = m_saver.referral();
    Result<SaveReceipt> done = m_referrals.submit(referral.reference, m_saver.revision(), m_actor, m_profile);
    if (!done) {
        Theme::setKind(m_bar, Theme::Kind::blocked);
        m_bar->setText(tr("<b>Not submitted:</b> %1").arg(done.errorMessage().toHtmlEscaped()));
        return Step::Failed;
    }
    Theme::setKind(m_bar, Theme::Kind::done);
    m_bar->setText(tr("<b>Submitted %1.</b> The record is now read-only here; changes are amendments with a "
                      "reason, made by a supervisor.")
                       .arg(UkTime::text(done->savedAt, QStringLiteral("HH:mm"))));
    emit submitted();
    return Step::Submitted;
}

// LIN-T2: who does what next, and what submission sets (due times in UK time, whatever the workstation's zone).
void SubmitFlow::showSummary(const Findings &findings)
{
    const Referral &referral = m_saver.referral();
    const Answer next = referral.answer(Field::agreedActions);
    const int outstanding = int(withSeverity(findings, Severity::Outstanding).size());
    QStringList actions;
    for (const FollowUpAction &action : plannedActions(referral, m_profile, m_referrals.calendar()))
        actions.append(tr("%1 — due %2 (%3)")
                           .arg(action.description.toHtmlEscaped(),
                                UkTime::text(action.due, QStringLiteral("ddd d MMM HH:mm")),
                                action.procedureId));
    Theme::setKind(m_bar, Theme::Kind::none);
    m_bar->setText(tr("<b>Ready to submit.</b> Who does what next: %1<br>Submitting signs the call record as yours "
                      "and sets: %2<br>%3 still to ask will be recorded as outstanding. <b>Ctrl+Enter</b> "
                      "again to submit, <b>Esc</b> to go back.")
                       .arg(next.hasValue() ? next.value().toHtmlEscaped() : tr("<i>not recorded</i>"),
                            actions.join(QStringLiteral("; ")))
                       .arg(counted(outstanding, tr("item"), tr("items"))));
    m_bar->show();
}

bool SubmitFlow::stepBack()
{
    if (!m_confirming)
        return false;
    m_confirming = false;
    m_bar->hide();
    return true;
}

} // namespace FrontDoor
