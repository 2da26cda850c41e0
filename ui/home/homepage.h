#pragma once

#include "home/unfinishedcalls.h"
#include "queue/queueview.h"
#include "store/referralqueries.h"

#include <QWidget>

#include <functional>
#include <optional>

class QListWidget;
class QPushButton;

namespace FrontDoor {

// The first screen after sign-in: a New referral button (Ctrl+N), for a supervisor the counts that matter (urgent,
// awaiting decision, overdue — Enter on one opens the queue showing them), the handler's unfinished calls — so after
// a restart they see at once what to finish — then their recent referrals. Enter on either list opens the referral.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    struct Sources
    {
        QString frontDoor;                    // "Norfolk CADS"
        UnfinishedCallsView::Source unfinished; // empty: the role takes no calls
        std::function<QList<ReferralSummary>()> recent;
        bool canTakeCalls = false;
        std::function<void()> manageAccounts; // an administrator's home offers the accounts
        bool onServer = false;                // team mode: accounts and backups are the server's, not this file's
        // A supervisor's home (issue 18): how many the queue shows for a choice, or nothing when it cannot say.
        std::function<std::optional<int>(QueueView::Show)> countOf;
    };
    explicit HomePage(Sources sources, QWidget *parent = nullptr);

    void reload();
    // A supervisor's counts read again (another desk's change, team mode): the lists and the cursor stay as they are.
    void reloadCounts();
    UnfinishedCallsView *unfinished() const { return m_unfinished; }
    // Where the cursor goes when the page is shown: the first unfinished call, else New referral.
    void focusFirst();

signals:
    void newReferralRequested();
    void openRequested(const QString &reference);
    // A count pressed (Enter or a click): the queue, showing what was counted.
    void queueRequested(QueueView::Show what);

protected:
    // Enter on a focused button of the page presses it, as in a dialog (issue 18: the administrator's Accounts…).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createCounts();

    Sources m_sources;
    QList<std::pair<QueueView::Show, QPushButton *>> m_counts;
    QPushButton *m_newReferral = nullptr;
    QPushButton *m_accounts = nullptr;
    UnfinishedCallsView *m_unfinished = nullptr;
    QListWidget *m_recent = nullptr;
};

} // namespace FrontDoor
