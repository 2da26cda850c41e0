#include "mainwindow.h"

#include "common/appinfo.h"
#include "dashboard/dashboardview.h"
#include "editor/autosaver.h"
#include "editor/referraleditor.h"
#include "keys.h"
#include "queue/queueview.h"
#include "review/reviewpage.h"
#include "session/idlelock.h"
#include "session/lockscreen.h"
#include "shortcutsdialog.h"
#include "theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace FrontDoor {

MainWindow::MainWindow(Context context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Qt appends the application display name ("— Front Door") itself.
    setWindowTitle(m_context.training ? tr("TRAINING — %1").arg(m_context.profileName) : m_context.profileName);
    createMenus();
    createCentralArea();
    createStatusBar();
    createLock();
    resize(1200, 760);
    m_liveRefresh = new QTimer(this);
    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(liveRefreshMsecs);
    connect(m_liveRefresh, &QTimer::timeout, this, [this] {
        if (isLocked())
            return; // read again when shown after the unlock
        QWidget *front = m_pages->currentWidget();
        if (front == m_home && m_figuresMoved)
            m_home->reloadCounts();
        else if (front == m_queue)
            m_queue->refreshInPlace();
        else if (m_dashboard && front == m_dashboard && m_figuresMoved)
            m_dashboard->reload();
        m_figuresMoved = false;
        if (m_queue && !m_newlyUrgent.isEmpty())
            statusBar()->showMessage(tr("URGENT: %1 has just been marked urgent — it is at the top of the queue.")
                                         .arg(m_newlyUrgent.join(QStringLiteral(", "))),
                                     60'000);
        m_newlyUrgent.clear();
    });
}

void MainWindow::changedElsewhere(const QList<ChangeFeed::Change> &changes)
{
    for (const ChangeFeed::Change &change : changes) {
        if (change.kind == QLatin1String("urgent") && !m_newlyUrgent.contains(change.reference))
            m_newlyUrgent.append(change.reference);
        // Only a keystroke's kind is known to leave the counts as they were; any other, or one unheard of, may not.
        if (change.kind != QLatin1String("saved"))
            m_figuresMoved = true;
    }
    if (!m_liveRefresh->isActive())
        m_liveRefresh->start();
}

void MainWindow::createMenus()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    if (m_context.manageAccounts) {
        QAction *accounts = file->addAction(tr("&Accounts…"), this, [this] { m_context.manageAccounts(); });
        accounts->setObjectName(QStringLiteral("accountsAction"));
        file->addSeparator();
    }
    if (m_context.confirmPassword) { // someone is signed in
        QAction *signOut = file->addAction(tr("Sign &out (switch user)"), this, &MainWindow::signOut);
        signOut->setObjectName(QStringLiteral("signOutAction"));
    }
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Spelt out: the offscreen and some desktop platforms define no standard Quit key.
    quit->setShortcut(Keys::quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *referral = menuBar()->addMenu(tr("&Referral"));
    referral->setObjectName(QStringLiteral("referralMenu"));
    QAction *newReferral = referral->addAction(tr("&New referral"));
    newReferral->setObjectName(QStringLiteral("newReferralAction"));
    newReferral->setShortcut(Keys::newReferral);
    newReferral->setEnabled(bool(m_context.newReferral));
    newReferral->setStatusTip(m_context.newReferral ? tr("Start a referral: the reference and the call's start are "
                                                         "recorded at once")
                                                    : tr("Your role does not take referrals."));
    connect(newReferral, &QAction::triggered, this, &MainWindow::openNewReferral);
    m_discard = referral->addAction(tr("&Discard this call…"), this, &MainWindow::discardCall);
    m_discard->setObjectName(QStringLiteral("discardCallAction"));
    m_discard->setStatusTip(tr("A call started by mistake: set aside with the reason, kept in the audit trail, shown "
                               "in no list. The one who started it, or a supervisor."));
    // Offered only with a call still being taken in front: on home, the queue or a submitted case (and always for an
    // administrator, who takes no calls) it is greyed out rather than answering "open it first" once chosen.
    m_discard->setEnabled(false);
    connect(referral, &QMenu::aboutToShow, this, [this] { m_discard->setEnabled(callInFront() != nullptr); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *home = view->addAction(tr("&Home — unfinished calls"));
    home->setObjectName(QStringLiteral("homeAction"));
    home->setShortcut(Keys::home);
    connect(home, &QAction::triggered, this, &MainWindow::goHome);
    if (m_context.queuePages) {
        QAction *queue = view->addAction(tr("&Queue"));
        queue->setObjectName(QStringLiteral("queueAction"));
        queue->setShortcut(Keys::queue);
        connect(queue, &QAction::triggered, this, &MainWindow::showQueue);
    }
    if (m_context.dashboard && m_context.profile) {
        QAction *dashboard = view->addAction(tr("&Dashboard"));
        dashboard->setObjectName(QStringLiteral("dashboardAction"));
        dashboard->setShortcut(Keys::dashboard);
        connect(dashboard, &QAction::triggered, this, &MainWindow::showDashboard);
    }
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(Keys::shortcutsHelp);
    help->addAction(tr("&About Front Door"), this, &MainWindow::showAbout);
}

void MainWindow::createCentralArea()
{
    HomePage::Sources sources{m_context.profileName,
                              m_context.unfinishedCalls,
                              m_context.recentReferrals,
                              bool(m_context.newReferral),
                              m_context.manageAccounts,
                              m_context.onServer,
                              {}};
    if (m_context.queueCount)
        sources.countOf = [this](QueueView::Show what) -> std::optional<int> {
            const Clock &clock = m_context.clock ? *m_context.clock : Clock::system();
            const Result<int> n = m_context.queueCount(QueueView::filterOf(what, m_context.userId, clock.now()));
            return n ? std::optional<int>(*n) : std::nullopt;
        };
    m_home = new HomePage(std::move(sources), this);
    connect(m_home, &HomePage::queueRequested, this, [this](QueueView::Show what) {
        showQueue();
        if (m_queue && m_pages->currentWidget() == m_queue) {
            m_queue->choose(what);
            m_queue->focusTable();
        }
    });
    connect(m_home, &HomePage::newReferralRequested, this, &MainWindow::openNewReferral);
    connect(m_home, &HomePage::openRequested, this, &MainWindow::openExisting);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_home);
    connect(
        m_pages, &QStackedWidget::currentChanged, this, [this] { m_discard->setEnabled(callInFront() != nullptr); });
    // Above everything, on every page, for as long as the window is open: the training banner, and the store's
    // refusal to save once a check has found the file damaged (issue 21).
    auto *frame = new QWidget(this);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_context.training) {
        auto *banner = new QLabel(tr("TRAINING — not real cases. Everything here is invented; nothing is live."), frame);
        banner->setObjectName(QStringLiteral("trainingBanner"));
        Theme::setKind(banner, Theme::Kind::trainingBanner);
        banner->setAlignment(Qt::AlignCenter);
        layout->addWidget(banner);
    }
    m_refusal = new QLabel(frame);
    m_refusal->setObjectName(QStringLiteral("storeRefusalBanner"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    Theme::setKind(m_refusal, Theme::Kind::problemBar);
    m_refusal->hide();
    layout->addWidget(m_refusal);
    layout->addWidget(m_pages, 1);
    setCentralWidget(frame);
    m_home->focusFirst();
    if (m_context.queuePages) {
        m_queue = new QueueView(m_context.queuePages, m_context.queueSearch, m_context.userId,
                                m_context.clock ? *m_context.clock : Clock::system(), m_pages);
        connect(m_queue, &QueueView::openRequested, this, &MainWindow::openExisting);
        if (m_context.exportQueue)
            m_queue->setExporter(m_context.exportQueue);
        m_pages->addWidget(m_queue);
        if (!m_context.newReferral) // a supervisor who takes no calls starts on the queue
            m_pages->setCurrentWidget(m_queue);
    }
}

void MainWindow::showDashboard()
{
    if (isLocked() || !m_context.dashboard || !m_context.profile || !closeEditors())
        return;
    if (!m_dashboard) {
        m_dashboard = new DashboardView(m_context.dashboard, *m_context.profile, m_pages);
        m_pages->addWidget(m_dashboard);
    } else {
        m_dashboard->reload();
    }
    m_pages->setCurrentWidget(m_dashboard);
}

void MainWindow::showQueue()
{
    if (isLocked() || !m_queue || !closeEditors())
        return;
    m_pages->setCurrentWidget(m_queue);
    m_queue->reload();
    m_queue->focusTable();
}

void MainWindow::goHome()
{
    if (isLocked())
        return;
    if (!closeEditors()) // the open referral is saved as its editor closes, and the lists then show it as it is
        return;
    m_pages->setCurrentWidget(m_home);
    m_home->reload();
    m_home->focusFirst();
}

void MainWindow::createLock()
{
    if (!m_context.confirmPassword)
        return;
    m_lockScreen = new LockScreen(m_context.signedInAs, m_context.confirmPassword, m_pages);
    m_pages->addWidget(m_lockScreen);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &MainWindow::signOutBehindLock);
    m_lockedTimer = new QTimer(this);
    m_lockedTimer->setInterval(1000);
    connect(m_lockedTimer, &QTimer::timeout, this, &MainWindow::checkLockedTooLong);
    m_idleLock = new IdleLock(m_context.clock ? *m_context.clock : Clock::system(), m_context.idleMinutes, this);
    connect(m_idleLock, &IdleLock::idle, this, [this] { lock(tr("idle")); });

    // The privacy screen: someone walks past the desk — one key hides everything at once.
    auto *lockNow = new QAction(tr("&Lock screen now"), this);
    lockNow->setObjectName(QStringLiteral("lockAction"));
    lockNow->setShortcut(Keys::lockNow);
    lockNow->setShortcutContext(Qt::ApplicationShortcut);
    connect(lockNow, &QAction::triggered, this, [this] { lock(tr("privacy screen")); });
    addAction(lockNow);
    m_fileMenu->insertAction(m_fileMenu->actions().value(0), lockNow);
}

void MainWindow::openNewReferral()
{
    if (!m_context.newReferral || isLocked() || !closeEditors()) // saved first: what opens next reads the latest
        return;
    Result<ReferralEditor *> editor = m_context.newReferral(m_pages);
    if (!editor) {
        QMessageBox::warning(this, tr("A new referral could not be started"), editor.errorMessage());
        return;
    }
    showPage(*editor);
    statusBar()->showMessage(tr("New referral started"), 5000);
}

void MainWindow::openExisting(const QString &reference)
{
    if (!m_context.openReferral || isLocked() || !closeEditors()) // saved first: what opens next reads the latest
        return;
    Result<ReferralPage> page = m_context.openReferral(reference, m_pages);
    if (!page) {
        QMessageBox::warning(this, tr("The referral could not be opened"), page.errorMessage());
        return;
    }
    showPage(*page);
}

bool MainWindow::closeEditors()
{
    // One referral at a time in this version; an editor saves what is on screen as it closes, and a review with
    // work entered but not recorded asks first (issue 18): the person records it or stays.
    for (int i = m_pages->count() - 1; i > 0; --i)
        if (auto *review = qobject_cast<ReviewPage *>(m_pages->widget(i)); review && !review->mayClose(m_askBeforeLeaving)) {
            m_pages->setCurrentWidget(review);
            return false;
        }
    for (int i = m_pages->count() - 1; i > 0; --i)
        if (QWidget *page = m_pages->widget(i); page != m_lockScreen && page != m_queue && page != m_dashboard)
            delete page;
    return true;
}

void MainWindow::discardCall()
{
    ReferralEditor *editor = callInFront();
    if (!editor) {
        statusBar()->showMessage(tr("Only a call still being taken can be discarded: open it first."), 8000);
        return;
    }
    const QString reference = editor->referral().reference;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Discard %1").arg(reference),
        tr("Why is this call discarded? It stays in the audit trail with your reason, and leaves every list.\n"
           "(for example: started by mistake; the caller rang off before saying anything)"),
        QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (const Status discarded = editor->discard(reason); !discarded) {
        QMessageBox::warning(this, tr("The call was not discarded"), discarded.errorMessage());
        return;
    }
    goHome();
    statusBar()->showMessage(tr("%1 discarded: it is in the audit trail, and in no list.").arg(reference), 8000);
}

void MainWindow::signOut()
{
    if (isLocked() || !closeEditors())
        return;
    m_signedOut = true;
    close();
}

bool MainWindow::closeEditorsBehindLock()
{
    // Whoever stands at the lock screen may not read the work behind it: a review's unrecorded entries are recorded
    // unsigned, under the person signed in, rather than asked about (or lost).
    const ReviewPage::Asker asked = m_askBeforeLeaving;
    m_askBeforeLeaving = [](const QStringList &) { return true; };
    const bool closed = closeEditors();
    m_askBeforeLeaving = asked;
    return closed;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!(isLocked() ? closeEditorsBehindLock() : closeEditors())) { // locked: the window closed, nothing is lost
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showPage(const ReferralPage &page)
{
    QWidget *widget = std::visit([](auto *shown) -> QWidget * { return shown; }, page);
    if (auto *const *review = std::get_if<ReviewPage *>(&page)) // an earlier referral opened from the review
        connect(*review,
                &ReviewPage::openRequested,
                this,
                &MainWindow::openExisting,
                Qt::QueuedConnection); // it closes the review that asks: only once the asking is over
    m_pages->addWidget(widget);
    m_pages->setCurrentWidget(widget);
}

void MainWindow::signOutBehindLock()
{
    if (!closeEditorsBehindLock()) { // the store refused: the owner must unlock and see why
        m_lockScreen->prepare();
        return;
    }
    m_signedOut = true;
    m_pages->setCurrentWidget(m_home); // nothing behind the lock to come back to
    close();
}

void MainWindow::checkLockedTooLong()
{
    if (!isLocked() || m_signedOut || m_context.signOutWhenLockedMinutes <= 0)
        return;
    const Clock &clock = m_context.clock ? *m_context.clock : Clock::system();
    if (m_lockedAt.msecsTo(clock.now()) >= qint64(m_context.signOutWhenLockedMinutes) * 60'000)
        signOutBehindLock();
}

ReferralEditor *MainWindow::callInFront() const
{
    auto *editor = qobject_cast<ReferralEditor *>(m_pages->currentWidget());
    if (!editor || isLocked() || editor->isReadOnly() || editor->isSubmitted())
        return nullptr;
    return editor;
}

bool MainWindow::isLocked() const
{
    return m_lockScreen && m_pages->currentWidget() == m_lockScreen;
}

void MainWindow::lock(const QString &why)
{
    if (!m_lockScreen || isLocked())
        return;
    m_beforeLock = m_pages->currentWidget();
    m_pages->setCurrentWidget(m_lockScreen);
    menuBar()->setEnabled(false);
    m_idleLock->setActive(false);
    m_lockedAt = (m_context.clock ? *m_context.clock : Clock::system()).now();
    if (m_context.signOutWhenLockedMinutes > 0)
        m_lockedTimer->start();
    m_lockScreen->prepare();
    if (m_context.lockChanged)
        m_context.lockChanged(true, why);
    if (m_context.wipeKeyOnLock && saveEverythingForLock())
        static_cast<void>(m_context.wipeKeyOnLock()); // refused (a change mid-save): the key stays, as on plaintext
    emit lockedChanged(true);
}

bool MainWindow::saveEverythingForLock()
{
    bool onlyOnScreen = false;
    for (int i = m_pages->count() - 1; i > 0; --i) {
        QWidget *page = m_pages->widget(i);
        if (auto *editor = qobject_cast<ReferralEditor *>(page);
            editor && !editor->isReadOnly() && !editor->isSubmitted())
            onlyOnScreen |= !editor->saver().flushNow(); // Ctrl+L straight after typing: saved before the key goes
        else if (auto *review = qobject_cast<ReviewPage *>(page); review && !review->unrecorded().isEmpty())
            onlyOnScreen = true;
    }
    return !onlyOnScreen;
}

void MainWindow::showStoreRefusal(const QString &message)
{
    // Plain words first, for the person on the phone; SQLite's own words and the backup to restore are for IT.
    const QString plain = tr("The database on this computer is damaged, so Front Door has stopped saving. Tell IT "
                             "now. What is on screen stays until the window closes: note down anything not yet "
                             "saved.");
    m_refusal->setText(tr("<b>NOTHING MORE CAN BE SAVED.</b> %1<br><small>For IT: %2</small>")
                           .arg(plain.toHtmlEscaped(), message.toHtmlEscaped()));
    m_refusal->setAccessibleName(tr("Nothing more can be saved"));
    m_refusal->setAccessibleDescription(plain);
    m_refusal->show();
    if (isLocked()) // behind the lock it waits on the banner for the person who unlocks
        return;
    QMessageBox box(QMessageBox::Critical, tr("The database is damaged"), plain, QMessageBox::Ok, this);
    box.setDetailedText(message);
    box.exec();
}

void MainWindow::unlock()
{
    m_pages->setCurrentWidget(m_beforeLock ? m_beforeLock.data() : m_home); // back where the person was
    menuBar()->setEnabled(true);
    m_idleLock->setActive(true);
    m_lockedTimer->stop();
    if (m_context.lockChanged)
        m_context.lockChanged(false, {});
    emit lockedChanged(false);
}

void MainWindow::createStatusBar()
{
    auto *database = new QLabel(tr("Database: %1").arg(m_context.databasePath), this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    statusBar()->addPermanentWidget(database);
    if (!m_context.signedInAs.isEmpty()) {
        auto *user = new QLabel(tr("Signed in: %1").arg(m_context.signedInAs), this);
        user->setObjectName(QStringLiteral("signedInLabel"));
        statusBar()->addPermanentWidget(user);
    }
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Front Door"),
                       tr("<b>%1</b> %2<br>Recording safeguarding referrals at a children's services front door.")
                           .arg(AppInfo::displayName(), AppInfo::version()));
}

} // namespace FrontDoor
