#pragma once

#include "common/clock.h"
#include "common/deployedsettings.h"
#include "common/result.h"
#include "home/homepage.h"
#include "profile/profile.h"
#include "queue/queueexportdialog.h"
#include "queue/queuemodel.h"
#include "review/reviewpage.h"
#include "store/changefeed.h"
#include "store/dashboardfigures.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <variant>

class QLabel;
class QStackedWidget;

namespace FrontDoor {

class ReferralEditor;
class ReviewPage;

// What opening a referral shows: the call in its editor, or — a supervisor on a submitted referral — its review.
using ReferralPage = std::variant<ReferralEditor *, ReviewPage *>;

// The application window: menus, the central work area and the status bar. Views for referrals, the queue and
// sign-in are added to it by their own classes; it holds no case logic itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Context
    {
        QString databasePath;
        QString profileName; // the front door's name, e.g. "Norfolk CADS"
        QString signedInAs;  // "Priya Invented (Call-handler)"; empty before sign-in exists
        std::function<void()> manageAccounts; // set for administrators: File › Accounts…
        // Set for those who take calls: creates a draft and returns its editor (the window owns it), or an error.
        std::function<Result<ReferralEditor *>(QWidget *parent)> newReferral;
        // The signed-in handler's drafts, first on the home screen, and how to reopen one.
        UnfinishedCallsView::Source unfinishedCalls;
        std::function<QList<ReferralSummary>()> recentReferrals; // the signed-in person's, newest first
        // Set for those who see every case (supervisors): the queue's pages and its search, and who is signed in.
        QueueModel::PageReader queuePages;
        QueueModel::Searcher queueSearch;
        std::function<Result<int>(const ReferralFilter &)> queueCount; // supervisors: the home's counts
        QueueExportDialog::Exporter exportQueue; // supervisors: the queue as CSV for reporting (Ctrl+E)
        QString userId;
        std::function<Result<DashboardFigures>()> dashboard; // supervisors: View › Dashboard (needs `profile`)
        const Profile *profile = nullptr; // not owned; outlives the window
        std::function<Result<ReferralPage>(const QString &reference, QWidget *parent)> openReferral;
        // Set once someone is signed in: the window can then lock (idle, or Ctrl+L) and unlock with their password.
        std::function<Status(const QString &password)> confirmPassword;
        std::function<void(bool locked, const QString &why)> lockChanged; // for the audit trail
        const Clock *clock = nullptr; // the idle lock's time; the system clock when null
        int idleMinutes = DeployedSettings::defaultIdleLock;
        // Locked this long, the desk signs out (0: never). Set for an encrypted database (issue 20): the sign-out
        // closes it, and its key is wiped from memory, with nothing typed lost.
        int signOutWhenLockedMinutes = 0;
        // Set for an encrypted database (issue 20): called as the lock shows, once everything typed is saved, to
        // wipe the database key until confirmPassword brings it back. Work that exists only on screen (a review's
        // unrecorded entries, a save still failing) keeps the key, so the lock screen's Sign out can record it.
        std::function<Status()> wipeKeyOnLock;
        bool training = false; // a permanent "TRAINING — not real cases" banner
        bool onServer = false; // team mode (issue 19): the cases, accounts and backups are the team server's
    };

    explicit MainWindow(Context context, QWidget *parent = nullptr);

    bool isLocked() const;
    // Issue 18: File › Sign out, or the lock screen's "Sign out": the window closes with nothing lost and the
    // launcher asks who signs in next.
    bool signedOut() const { return m_signedOut; }
    void signOut();
    // Referral › Discard this call…: the open draft, with the reason asked for.
    void discardCall();
    // How a review with unrecorded work asks before it closes; tests answer it (ReviewPage::mayClose).
    void setAskBeforeLeaving(ReviewPage::Asker ask) { m_askBeforeLeaving = std::move(ask); }
    void lock(const QString &why);
    class IdleLock *idleLock() const { return m_idleLock; }
    // Signs out when the window has been locked for Context::signOutWhenLockedMinutes by the context's clock; a
    // one-second timer asks while locked (tests ask directly).
    void checkLockedTooLong();
    // Team mode (issue 19): another desk changed something (ChangeFeed). The page in front is read again within a
    // quarter of a second (a burst of changes is one refresh): the queue for any change; home's counts and the
    // dashboard only when a referral was created or moved (its status, urgency or due date), never for another desk's
    // typing, which cannot change them — at thirty desks typing, each supervisor's counts were read four times a
    // second. A referral just marked urgent is said in the status bar to whoever sees the queue. Nothing behind the
    // lock.
    void changedElsewhere(const QList<FrontDoor::ChangeFeed::Change> &changes);
    static constexpr int liveRefreshMsecs = 250;
    // Issue 21: the check after start found the file damaged and the store now refuses every write — said on a
    // banner above every page, and once in a message.
    void showStoreRefusal(const QString &message);

signals:
    void lockedChanged(bool locked); // after the lock shows (and the key is wiped), after the unlock

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void showAbout();
    void showShortcuts();
    void goHome();
    void showQueue();
    void showDashboard();

    void createLock();
    void openNewReferral();
    void showPage(const ReferralPage &page);
    bool closeEditors(); // false: a review's unrecorded work keeps the person there
    bool closeEditorsBehindLock(); // the same, recording a review's entries unsigned instead of asking
    bool saveEverythingForLock();  // false: something exists only on screen
    void openExisting(const QString &reference);
    // The editor of a call still being taken, in front and writable (what Discard this call… acts on), or none.
    ReferralEditor *callInFront() const;
    void unlock();
    void signOutBehindLock(); // the lock screen's Sign out, or locked too long

    Context m_context;
    QStackedWidget *m_pages = nullptr;
    HomePage *m_home = nullptr;
    class QueueView *m_queue = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_discard = nullptr; // enabled only while a call still being taken is in front
    class DashboardView *m_dashboard = nullptr;
    QPointer<QWidget> m_beforeLock; // the page the lock hides, back on unlock
    ReviewPage::Asker m_askBeforeLeaving;
    bool m_signedOut = false;
    class LockScreen *m_lockScreen = nullptr;
    QLabel *m_refusal = nullptr; // hidden until the store refuses to save
    class IdleLock *m_idleLock = nullptr;
    QDateTime m_lockedAt;
    QTimer *m_lockedTimer = nullptr;
    QTimer *m_liveRefresh = nullptr;
    QStringList m_newlyUrgent;
    bool m_figuresMoved = false; // a change since the last refresh may have moved home's counts or the dashboard
};

} // namespace FrontDoor
