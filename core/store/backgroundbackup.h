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
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    // The last backup's outcome, once finished() has been emitted (an error when it failed or was stopped).
    const std::optional<Result<Backups::Made>> &result() const { return m_result; }

signals:
    void finished();

private:
    void done(int run, const Result<Backups::Made> &made);

    QThread *m_thread = nullptr;
    std::shared_ptr<Interruption> m_interruption;
    std::optional<Result<Backups::Made>> m_result;
    int m_run = 0;
};

} // namespace FrontDoor
