#include "session/daystart.h"

#include "mainwindow.h"
#include "store/backgroundbackup.h"
#include "store/backgroundcheck.h"
#include "store/backupfiles.h"
#include "store/store.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace FrontDoor {

DayStart::DayStart(Store &store, MainWindow &window, const Actor &actor, bool backUpWhenDue)
    : QObject(&window)
    , m_store(store)
    , m_window(window)
    , m_actor(actor)
    , m_backupWanted(backUpWhenDue)
    , m_check(new BackgroundCheck(store.database(), this))
    , m_backup(new BackgroundBackup(this))
    , m_running(new QLabel(&window))
{
    m_running->setObjectName(QStringLiteral("startupWorkLabel"));
    m_running->hide();
    window.statusBar()->addWidget(m_running);

    connect(m_check, &BackgroundCheck::passed, this, &DayStart::checkPassed);
    connect(m_check, &BackgroundCheck::failed, this, [this](const QString &message) {
        say({});
        m_window.showStoreRefusal(withBackupAdvice(makeError(ErrorCode::DatabaseCorrupt, message),
                                                   m_store.database().path(),
                                                   m_store.backupFolder(),
                                                   m_store.database().sealingKey()));
    });
    connect(m_backup, &BackgroundBackup::finished, this, &DayStart::backupFinished);
    if (store.database().isSealed())
        connect(&window, &MainWindow::lockedChanged, this, &DayStart::lockedChanged);
}

DayStart::~DayStart()
{
    // A backup made whole just as the window closes keeps its anchor: the next day's verifies from its head.
    if (m_backup->stop() && !m_store.database().isKeyWiped())
        static_cast<void>(m_store.finishBackUp(*m_backup->result()));
    m_check->pause();
}

void DayStart::start()
{
    m_check->start(); // nothing when it has passed or failed already, or the key is away
    if (m_check->state() == BackgroundCheck::State::Running)
        say(tr("Checking the database for damage…"));
}

void DayStart::checkPassed()
{
    say({});
    if (m_backupWanted && Backups::isDue(m_store.backupFolder(), m_store.database().path(), m_store.clock().now()))
        startBackup();
    m_backupWanted = false;
}

void DayStart::startBackup()
{
    if (!m_store.database().writeRefusal().isEmpty())
        return; // never a copy of a file that may be damaged
    Result<Backups::Job> job = m_store.prepareBackUp(m_actor);
    if (!job) {
        m_window.statusBar()->showMessage(
            tr("The day's backup could not be started; it is tried again when Front Door closes."), 20'000);
        return;
    }
    say(tr("Making the day's backup…"));
    m_backup->start(*job);
}

void DayStart::backupFinished()
{
    say({});
    const Result<Backups::Made> made = m_store.finishBackUp(*m_backup->result());
    if (!made) {
        // A failure here is said again, with its reason, by the exit backup that retries it.
        m_window.statusBar()->showMessage(
            tr("The day's backup could not be made now; it is tried again when Front Door closes."), 20'000);
        return;
    }
    m_window.statusBar()->showMessage(
        tr("The day's backup is made and verified: %1").arg(QFileInfo(made->file).fileName()), 15'000);
    if (made->warnings.isEmpty())
        return;
    // Shown without taking the keyboard from whoever is typing a call; it stays until they close it.
    m_attention = new QMessageBox(QMessageBox::Warning,
                                  tr("Front Door's backup needs attention"),
                                  made->warnings.join(QStringLiteral("\n\n")),
                                  QMessageBox::Ok,
                                  &m_window);
    m_attention->setObjectName(QStringLiteral("backupAttention"));
    m_attention->setAttribute(Qt::WA_DeleteOnClose);
    m_attention->setAttribute(Qt::WA_ShowWithoutActivating);
    m_attention->setWindowModality(Qt::NonModal);
    m_attention->show();
}

void DayStart::lockedChanged(bool locked)
{
    if (locked) {
        // The key is wiped: the check's and the backup's copies of it go too.
        if (m_backup->isRunning()) {
            if (m_backup->stop())
                m_backupToFinish = true; // made whole just before: anchored after the unlock, not made again
            else
                m_backupWanted = true; // made again after the unlock, under a new name
        }
        m_check->pause();
        say({});
        return;
    }
    if (m_backupToFinish) {
        m_backupToFinish = false;
        backupFinished();
    }
    if (m_check->state() == BackgroundCheck::State::Passed) {
        if (m_backupWanted)
            checkPassed();
        return;
    }
    start();
}

void DayStart::say(const QString &running)
{
    // A message left in the status bar ("Ready") would be drawn over the work's line.
    if (!running.isEmpty())
        m_window.statusBar()->clearMessage();
    m_running->setText(running);
    m_running->setVisible(!running.isEmpty());
}

} // namespace FrontDoor
