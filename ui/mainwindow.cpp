#include "mainwindow.h"

#include "common/appinfo.h"
#include "session/idlelock.h"
#include "session/lockscreen.h"

#include <QApplication>
#include <QLabel>
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
    setWindowTitle(m_context.profileName);
    createMenus();
    createCentralArea();
    createStatusBar();
    createLock();
    resize(1200, 760);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    if (m_context.manageAccounts) {
        QAction *accounts = file->addAction(tr("&Accounts…"), this, [this] { m_context.manageAccounts(); });
        accounts->setObjectName(QStringLiteral("accountsAction"));
        file->addSeparator();
    }
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Spelt out: the offscreen and some desktop platforms define no standard Quit key.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *referral = menuBar()->addMenu(tr("&Referral"));
    referral->setObjectName(QStringLiteral("referralMenu"));
    QAction *newReferral = referral->addAction(tr("&New referral"));
    newReferral->setObjectName(QStringLiteral("newReferralAction"));
    newReferral->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    newReferral->setEnabled(bool(m_context.newReferral));
    newReferral->setStatusTip(m_context.newReferral ? tr("Start a referral: the reference and the call's start are "
                                                         "recorded at once")
                                                    : tr("Your role does not take referrals."));
    connect(newReferral, &QAction::triggered, this, &MainWindow::openNewReferral);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *home = view->addAction(tr("&Home — unfinished calls"));
    home->setObjectName(QStringLiteral("homeAction"));
    home->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    connect(home, &QAction::triggered, this, [this] {
        if (isLocked())
            return;
        m_pages->setCurrentIndex(0);
        if (m_unfinished)
            m_unfinished->reload();
    });
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&About Front Door"), this, &MainWindow::showAbout);
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("welcomeArea"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(48, 48, 48, 48);

    auto *title = new QLabel(tr("<h1>%1</h1>").arg(m_context.profileName), central);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    auto *body = new QLabel(
        tr("<p>This is where calls will be taken. Coming next, in this order:</p>"
           "<ul>"
           "<li><b>Unfinished calls</b> — drafts that still need finishing, first.</li>"
           "<li><b>New referral</b> (Ctrl+N) — the guided form, safety questions first.</li>"
           "<li><b>Supervisor queue</b> — urgent and overdue cases at the top.</li>"
           "</ul>"
           "<p>In an emergency, do not wait for this screen: follow your front door's emergency route.</p>"),
        central);
    body->setObjectName(QStringLiteral("welcomeText"));
    body->setWordWrap(true);
    body->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    if (m_context.unfinishedCalls) {
        m_unfinished = new UnfinishedCallsView(m_context.unfinishedCalls, central);
        connect(m_unfinished, &UnfinishedCallsView::openRequested, this, &MainWindow::openExisting);
        layout->addWidget(m_unfinished, 1);
    }
    layout->addWidget(body);
    layout->addStretch(1);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(central);
    setCentralWidget(m_pages);
}

void MainWindow::createLock()
{
    if (!m_context.confirmPassword)
        return;
    m_lockScreen = new LockScreen(m_context.signedInAs, m_context.confirmPassword, m_pages);
    m_pages->addWidget(m_lockScreen);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    m_idleLock = new IdleLock(m_context.clock ? *m_context.clock : Clock::system(), m_context.idleMinutes, this);
    connect(m_idleLock, &IdleLock::idle, this, [this] { lock(tr("idle")); });

    // The privacy screen: someone walks past the desk — one key hides everything at once.
    auto *lockNow = new QAction(tr("&Lock screen now"), this);
    lockNow->setObjectName(QStringLiteral("lockAction"));
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockNow->setShortcutContext(Qt::ApplicationShortcut);
    connect(lockNow, &QAction::triggered, this, [this] { lock(tr("privacy screen")); });
    addAction(lockNow);
    if (QMenu *file = findChild<QMenu *>(QStringLiteral("fileMenu")))
        file->insertAction(file->actions().value(0), lockNow);
}

void MainWindow::openNewReferral()
{
    if (!m_context.newReferral || isLocked())
        return;
    closeEditors(); // saved first, so that whatever opens next reads the latest
    Result<QWidget *> editor = m_context.newReferral(m_pages);
    if (!editor) {
        QMessageBox::warning(this, tr("A new referral could not be started"), editor.errorMessage());
        return;
    }
    showEditor(*editor);
    statusBar()->showMessage(tr("New referral started"), 5000);
}

void MainWindow::openExisting(const QString &reference)
{
    if (!m_context.openReferral || isLocked())
        return;
    closeEditors(); // saved first, so that whatever opens next reads the latest
    Result<QWidget *> editor = m_context.openReferral(reference, m_pages);
    if (!editor) {
        QMessageBox::warning(this, tr("The referral could not be opened"), editor.errorMessage());
        return;
    }
    showEditor(*editor);
}

void MainWindow::closeEditors()
{
    // One referral at a time in this version; an editor saves what is on screen as it closes.
    for (int i = m_pages->count() - 1; i > 0; --i)
        if (m_pages->widget(i) != m_lockScreen)
            delete m_pages->widget(i);
}

void MainWindow::showEditor(QWidget *editor)
{
    m_pages->addWidget(editor);
    m_pages->setCurrentWidget(editor);
}

bool MainWindow::isLocked() const
{
    return m_lockScreen && m_pages->currentWidget() == m_lockScreen;
}

void MainWindow::lock(const QString &why)
{
    if (!m_lockScreen || isLocked())
        return;
    m_pages->setCurrentWidget(m_lockScreen);
    menuBar()->setEnabled(false);
    m_idleLock->setActive(false);
    m_lockScreen->prepare();
    if (m_context.lockChanged)
        m_context.lockChanged(true, why);
}

void MainWindow::unlock()
{
    m_pages->setCurrentIndex(m_pages->count() > 2 ? m_pages->count() - 1 : 0); // back to the open referral, if any
    menuBar()->setEnabled(true);
    m_idleLock->setActive(true);
    if (m_context.lockChanged)
        m_context.lockChanged(false, {});
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

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Front Door"),
                       tr("<b>%1</b> %2<br>Recording safeguarding referrals at a children's services front door.")
                           .arg(AppInfo::displayName(), AppInfo::version()));
}

} // namespace FrontDoor
