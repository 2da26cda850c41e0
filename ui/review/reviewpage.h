#pragma once

#include "access/signature.h"
#include "common/clock.h"
#include "profile/profile.h"
#include "rules/finding.h"
#include "store/referralqueries.h"
#include "store/referralrepository.h"

#include <QWidget>

#include <functional>
#include <memory>

class QHBoxLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

class QSplitter;

namespace FrontDoor {

class DisagreementForm;
class OutcomesPanel;
class RecordForms;
class ReferralEditor;
class ReferralOutput;

// A supervisor's review of a submitted referral (issue 7): the record read-only on the left; on the right the
// decision (an outcome per child with reasons, NOR-O1/O2, LIN-O3; a priority with its rationale), discussions
// (NOR-L1, NOR-D1), feedback to the referrer (LIN-T5, ALL-T6), the follow-up actions, and the history. Every
// record is saved at once as an audited amendment naming what it records; Ctrl+Enter signs the decision with the
// password again (NOR-D2), refused while a decision-stage must is broken — listed with the rule's words.
class ReviewPage : public QWidget
{
    Q_OBJECT

public:
    using Signer = std::function<Result<Signature>(const QString &password)>;
    using History = std::function<QStringList(const QString &reference)>;
    ReviewPage(ReferralRepository &referrals, const Profile &profile, StoredReferral opened, Actor actor,
               const Clock &clock, Signer signer, History history, QWidget *parent = nullptr);
    ~ReviewPage() override;

    const Referral &referral() const { return m_current.referral; }
    // Saves `next` as a record of `what` (the amendment's reason in the trail); false with the message shown.
    bool record(const Referral &next, const QString &what);
    // Ctrl+Enter: records what is on screen, then asks for the password (unless given, for tests) and signs the
    // decision — one flow.
    bool signDecision(const QString &password = {});
    Findings decisionFindings() const;
    // Issue 18: what has been entered on the review but not recorded ("the decision", "a discussion" …).
    QStringList unrecorded() const;
    // Asked before the review closes (another page, the window closing): true when nothing entered would be lost;
    // otherwise the person chooses to record it now or to stay — never to lose it silently. `ask` answers the
    // question in tests (true: record now); by default a message box asks, "Stay" the default and Escape.
    using Asker = std::function<bool(const QStringList &unrecorded)>;
    bool mayClose(const Asker &ask = {});
    // "Looking at existing records" (LIN-T3): earlier referrals that may be about each child, ranked; Enter on one
    // opens it.
    using MatchFinder = std::function<Result<QList<PossibleMatch>>(const QString &name, const QString &birth)>;
    void setMatchFinder(MatchFinder finder);
    // Print or export (Ctrl+P, issue 8): without it the page offers neither.
    void setOutput(std::unique_ptr<ReferralOutput> output);
    // Ctrl+P: the print-or-export dialog for this referral (window-modal, not waited for).
    void openOutputDialog();

signals:
    void openRequested(const QString &reference);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QHBoxLayout *createTopBar();
    QWidget *createDecisionSide();
    QWidget *createDecisionTab();
    QWidget *createRecordForms();
    QListWidget *createActionsList();
    void refresh();
    void say(const QString &html, bool problem);
    bool recordDecision();
    Referral decisionOnScreen() const;

    ReferralRepository &m_referrals; // not owned
    const Profile &m_profile;       // not owned
    Actor m_actor;
    const Clock &m_clock; // not owned
    Signer m_sign;
    History m_history;
    StoredReferral m_current;
    QLabel *m_bar = nullptr;
    ReferralEditor *m_asTaken = nullptr; // the record as taken, on the left
    QSplitter *m_split = nullptr;
    bool m_splitPlaced = false;
    QTabWidget *m_tabs = nullptr;
    OutcomesPanel *m_outcomes = nullptr;
    Referral m_pendingDecision; // the decision-stage questions as answered on screen, not yet recorded
    RecordForms *m_forms = nullptr;
    QListWidget *m_musts = nullptr;
    QListWidget *m_actions = nullptr;
    QListWidget *m_timeline = nullptr;
    QListWidget *m_knownChild = nullptr;
    DisagreementForm *m_disagreement = nullptr;
    std::unique_ptr<ReferralOutput> m_output;
    QPushButton *m_outputButton = nullptr;
};

} // namespace FrontDoor
