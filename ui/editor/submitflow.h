#pragma once

#include "access/actor.h"
#include "rules/finding.h"

#include <QObject>

#include <functional>

class QLabel;

namespace FrontDoor {

class AutoSaver;
class ReferralRepository;
struct Profile;

// Submitting a call in two presses of Ctrl+Enter (LIN-T2, NOR-D2). The first press saves what is on screen and
// asks the rules: blocking findings stop it (blockedAt names the first so the editor can take the cursor there);
// otherwise the bar shows who does what next and the follow-up actions submission will set. A second press, with
// nothing changed in between, submits and signs the call. Esc, or any change, steps back. Outstanding items never
// stop it (NOR-G0): they are recorded as outstanding at submission.
class SubmitFlow : public QObject
{
    Q_OBJECT

public:
    enum class Step { Blocked, AwaitingConfirmation, Submitted, Failed };

    // `bar` is the editor's message bar; none of the references is owned and all outlive the flow.
    SubmitFlow(ReferralRepository &referrals,
               AutoSaver &saver,
               const Profile &profile,
               const Actor &actor,
               QLabel *bar,
               QObject *parent = nullptr);

    // Ctrl+Enter. `findingsNow` re-evaluates the saved referral (the editor refreshes its panels as it does).
    Step press(const std::function<Findings()> &findingsNow);
    // Esc: leaves the summary; false when there was none to leave.
    bool stepBack();
    // A change after the summary needs a fresh look at it.
    void changed() { m_confirming = false; }

signals:
    void blockedAt(const QString &path);
    void submitted();

private:
    void showSummary(const Findings &findings);

    ReferralRepository &m_referrals;
    AutoSaver &m_saver;
    const Profile &m_profile;
    Actor m_actor;
    QLabel *m_bar; // not owned: the editor's
    bool m_confirming = false;
};

} // namespace FrontDoor
