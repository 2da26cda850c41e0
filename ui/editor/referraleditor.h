#pragma once

#include "common/clock.h"
#include "editor/answertarget.h"
#include "editor/submitflow.h"
#include "profile/profile.h"
#include "rules/finding.h"
#include "store/caselocks.h"
#include "store/referralqueries.h"
#include "store/referralrepository.h"

#include "theme.h"

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace FrontDoor {

class AutoSaver;
class CaseLease;
class EditorHeader;
class QuestionWidget;
class SectionPage;
class StillToAskPanel;

// The guided referral editor: the header, the section navigator (left, with badges), the current section's
// questions (centre) and "Still to ask" (right). Every answer goes into the referral, the AutoSaver saves it, the
// rules run and the panel, badges, conditional questions and the urgent banner follow — all from the core.
class ReferralEditor : public QWidget
{
    Q_OBJECT

public:
    // With `locks`, the editor holds the case lock while open (renewed every 30 s, released on close); if another
    // instance holds it, the referral opens read-only and says who has it.
    ReferralEditor(ReferralRepository &referrals, const Profile &profile, StoredReferral opened, Actor actor,
                   const Clock &clock, QWidget *parent = nullptr, CaseLocks *locks = nullptr);

    using SubmitStep = SubmitFlow::Step;
    // Ctrl+Enter, twice (SubmitFlow): blocking items stop it and the cursor goes to the first.
    SubmitStep submit();
    bool isSubmitted() const { return m_submitted; }
    bool isReadOnly() const { return m_readOnly; }
    // The header says what the record now is ("Decided — a record"); the call's timer shows its length, stopped.
    void showRecordStatus(ReferralStatus status);
    // Referral › Discard this call (issue 18): a call started by mistake, set aside with the reason — saved first,
    // then discarded in the store (the one who started it, or a supervisor); nothing is deleted.
    Status discard(const QString &reason);
    // The supervisor's review shows what the decision needs instead, and gives the record the room.
    void setStillToAskVisible(bool visible);

    // The known-child check (LIN-T3): as a child's name and date of birth are typed, earlier referrals that may be
    // about the same child appear beside the card, 150 ms after typing stops; it never blocks anything.
    using MatchFinder = std::function<Result<QList<PossibleMatch>>(const QString &name, const QString &birth)>;
    void setMatchFinder(MatchFinder finder) { m_findMatches = std::move(finder); }
    void checkKnownChild(const QString &childId);
    // Reads an earlier referral (for the routing of a linked open case).
    using CaseReader = std::function<Result<StoredReferral>(const QString &reference)>;
    void setCaseReader(CaseReader reader) { m_readCase = std::move(reader); }
    // Enter on a possible match: the child's card records the earlier referral (LIN-T3); where that case is open
    // with an allocated worker, its worker is taken into this referral and the routing is shown (LIN-R4, NOR-R2).
    bool linkEarlierReferral(const QString &childId, const QString &reference);
    // NOR-R4: harm by another child — a second draft for the other child, linked both ways; it waits under
    // Unfinished calls while this call goes on. Returns its reference.
    using DraftStarter = std::function<Result<StoredReferral>()>;
    void setDraftStarter(DraftStarter starter);
    Result<QString> startOtherChildReferral();
    ~ReferralEditor() override;

    const Referral &referral() const;
    const Findings &findings() const { return m_findings; }
    AutoSaver &saver() { return *m_saver; }
    // Shows the section holding `path` and puts the cursor in its field; false when no field has that path.
    bool jumpTo(const QString &path);
    // The question on screen for an answer's path ("consent.decision", "children[c2].name"), or null.
    QuestionWidget *questionWidget(const QString &path) const;
    // Ctrl+Shift+C / Ctrl+Shift+A: a new card; returns the new person's id.
    QString addPerson(Repeat repeat);
    // Removes a card after the call-handler confirms (the removal is in the audit trail like any change).
    void removePerson(Repeat repeat, const QString &personId, bool askFirst = true);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createSections();
    void createShortcuts();
    void openAsRecordOrLeased(CaseLocks *locks);
    void answered(const AnswerTarget &target, const Answer &answer);
    void refresh();
    void showSection(int row);
    void stepSection(int step);
    void freezeForm();
    void offerOnlyAllowedIdentityChoices(const Referral &current);

    ReferralRepository &m_referrals; // not owned
    Actor m_actor;
    const Profile &m_profile; // not owned
    const Clock &m_clock;     // not owned
    AutoSaver *m_saver = nullptr;
    EditorHeader *m_header = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_submitBar = nullptr;
    SubmitFlow *m_submitFlow = nullptr;
    CaseLease *m_lease = nullptr; // null: no locking (tests, read-only views)
    bool m_submitted = false;
    bool m_readOnly = false;
    bool m_shownOnce = false;
    void showKnownChild(const QString &childId, const QString &heading, const QList<QPair<QString, QString>> &matches);
    void tell(const QString &html, QLatin1StringView kind = Theme::Kind::none);

    MatchFinder m_findMatches;
    CaseReader m_readCase;
    DraftStarter m_startDraft;
    QMap<QString, QString> m_routing; // child id → routing for its linked open case
    QTimer *m_matchTimer = nullptr;
    QString m_matchChild;
    QListWidget *m_sections = nullptr;
    QStackedWidget *m_pages = nullptr;
    StillToAskPanel *m_stillToAsk = nullptr;
    QList<SectionPage *> m_sectionPages;
    Findings m_findings;
};

} // namespace FrontDoor
