#include "store/backgroundbackup.h"

#include "store/interruption.h"

#include <QThread>

namespace FrontDoor {

BackgroundBackup::BackgroundBackup(QObject *parent)
    : QObject(parent)
{}

BackgroundBackup::~BackgroundBackup()
{
    stop();
}

void BackgroundBackup::start(const Backups::Job &job)
{
    if (m_thread)
        return;
    m_result.reset();
    const int run = ++m_run;
    m_interruption = std::make_shared<Interruption>();
    m_thread = QThread::create([this, job, run, interruption = m_interruption] {
        Result<Backups::Made> made = Backups::carryOut(job, interruption.get());
        QMetaObject::invokeMethod(
            this, [this, made, run] { done(run, made); }, Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority); // the call-handler's typing comes first
}

void BackgroundBackup::stop()
{
    if (!m_thread)
        return;
    // Interrupt until the thread is gone: SQLite forgets an interrupt that came between two statements.
    m_interruption->stop();
    while (!m_thread->wait(20))
        m_interruption->stop();
    delete m_thread;
    m_thread = nullptr;
    ++m_run; // its verdict, already posted, is not taken
    m_result = Result<Backups::Made>(makeError(ErrorCode::IoError, QStringLiteral("The backup was stopped.")));
}

void BackgroundBackup::done(int run, const Result<Backups::Made> &made)
{
    if (run != m_run)
        return;
    if (m_thread) {
        m_thread->wait(); // it has posted its outcome: only its last instructions remain
        delete m_thread;
        m_thread = nullptr;
    }
    m_result = made;
    emit finished();
}

} // namespace FrontDoor
