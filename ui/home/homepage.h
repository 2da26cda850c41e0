#pragma once

#include "home/unfinishedcalls.h"
#include "store/referralqueries.h"

#include <QWidget>

#include <functional>

class QListWidget;
class QPushButton;

namespace FrontDoor {

// The first screen after sign-in: a New referral button (Ctrl+N), the handler's unfinished calls first — so after a
// restart they see at once what to finish — then their recent referrals. Enter on either list opens the referral.
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
    };
    explicit HomePage(Sources sources, QWidget *parent = nullptr);

    void reload();
    UnfinishedCallsView *unfinished() const { return m_unfinished; }
    // Where the cursor goes when the page is shown: the first unfinished call, else New referral.
    void focusFirst();

signals:
    void newReferralRequested();
    void openRequested(const QString &reference);

protected:
    // Enter on a focused button of the page presses it, as in a dialog (issue 18: the administrator's Accounts…).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Sources m_sources;
    QPushButton *m_newReferral = nullptr;
    QPushButton *m_accounts = nullptr;
    UnfinishedCallsView *m_unfinished = nullptr;
    QListWidget *m_recent = nullptr;
};

} // namespace FrontDoor
