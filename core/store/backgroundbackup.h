#pragma once

#include "common/result.h"
#include "store/backups.h"

#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace FrontDoor {

class Interruption;

// Issue 21: the day's first backup of a county's file (a copy, its integrity_check and verify-audit: minutes at a
// million referrals) made on a thread of its own while the window answers (Backups::carryOut). stop() — the screen
// locks and an encrypted file's key is wiped, or the window closes — interrupts it and waits; what it had written is
// removed, and it is not made until start() again.
class BackgroundBackup : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundBackup(QObject *parent = nullptr);
    ~BackgroundBackup() override; // stops a backup still running

    void start(const Backups::Job &job); // nothing while one runs
    // Interrupts and waits. True when the backup had already been made whole before the interrupt reached it: its
    // outcome is then kept in result() for the caller to finish (anchor) once it can — it is not made again.
    bool stop();
    bool isRunning() const { return m_thread != nullptr; }
    // Waits up to `ms` for the thread's work to end, without delivering its outcome (for tests and shut-down).
    bool waitForWork(int ms);
    // The last backup's outcome, once finished() has been emitted (an error when it failed or was stopped).
    const std::optional<Result<Backups::Made>> &result() const { return m_result; }

signals:
    void finished();

private:
    void done(int run, const Result<Backups::Made> &made);

    QThread *m_thread = nullptr;
    std::shared_ptr<Interruption> m_interruption;
    // Where the thread leaves its outcome before posting it: read only once the thread is joined.
    std::shared_ptr<std::optional<Result<Backups::Made>>> m_outcome;
    std::optional<Result<Backups::Made>> m_result;
    int m_run = 0;
};

} // namespace FrontDoor
