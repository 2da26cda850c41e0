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
    m_outcome = std::make_shared<std::optional<Result<Backups::Made>>>();
    m_thread = QThread::create([this, job, run, interruption = m_interruption, outcome = m_outcome] {
        Result<Backups::Made> made = Backups::carryOut(job, interruption.get());
        *outcome = made;
        QMetaObject::invokeMethod(
            this, [this, made, run] { done(run, made); }, Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority); // the call-handler's typing comes first
}

bool BackgroundBackup::stop()
{
    if (!m_thread)
        return false;
    // Interrupt until the thread is gone: SQLite forgets an interrupt that came between two statements.
    m_interruption->stop();
    while (!m_thread->wait(20))
        m_interruption->stop();
    delete m_thread;
    m_thread = nullptr;
    ++m_run; // its verdict, already posted, is not taken: it is read here
    // A backup whose thread had finished before the interrupt is whole and verified: dropping its outcome would
    // leave its head unanchored and make it again under another name.
    const bool whole = m_outcome && m_outcome->has_value() && m_outcome->value().ok();
    m_result = whole ? **m_outcome
                     : Result<Backups::Made>(makeError(ErrorCode::IoError, QStringLiteral("The backup was stopped.")));
    return whole;
}

bool BackgroundBackup::waitForWork(int ms)
{
    return !m_thread || m_thread->wait(ms);
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
