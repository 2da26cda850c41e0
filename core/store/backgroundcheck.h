#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace FrontDoor {

class Database;
class Interruption;
class SealingKey;

// Issue 21: the start-up integrity check of a large file (quick_check and foreign_key_check: 40 s at a million
// referrals) runs after the window shows, on a thread and a read-only connection of its own — an encrypted file's
// through the sealing VFS with a copy of its key. The moment it fails, the store refuses every write with a message
// that says why (Database::refuseWrites), so nothing more is written into a damaged file. Until it has passed, no
// backup is made (the caller waits for passed()).
class BackgroundCheck : public QObject
{
    Q_OBJECT
public:
    enum class State { NotStarted, Running, Paused, Passed, Failed };

    explicit BackgroundCheck(Database &database, QObject *parent = nullptr);
    ~BackgroundCheck() override; // interrupts a check still running and waits for its thread

    void start(); // from the beginning; nothing when running or finished
    // The screen locked and the key wiped (issue 20): the check is interrupted and its key copy freed; start()
    // begins it again.
    void pause();
    State state() const { return m_state; }
    const QString &failure() const { return m_failure; }

signals:
    void passed();
    void failed(const QString &message);

private:
    void finished(int run, int outcome, const QString &message);

    Database &m_database;
    std::shared_ptr<const SealingKey> m_key; // the store's: copied for the check's connection at each start
    QThread *m_thread = nullptr;
    std::shared_ptr<Interruption> m_interruption; // the running check's: what pause() stops
    State m_state = State::NotStarted;
    int m_run = 0; // which start() a verdict belongs to
    QString m_failure;
};

// The check itself, on the calling thread, reading through `key` (the caller's own copy: ReadConnection): "ok", or
// what is wrong (SQLite's first complaint, a row that refers to
// nothing, a page the seal refuses). An error only when it could not run to the end: stopped (`interruption`) or the
// file could not be opened.
namespace IntegrityCheck {
enum class Outcome { Passed, Damaged, Interrupted, CouldNotRun };
struct Verdict
{
    Outcome outcome = Outcome::CouldNotRun;
    QString detail;
};
Verdict run(const QString &path, const std::shared_ptr<const SealingKey> &key, Interruption *interruption);
} // namespace IntegrityCheck

} // namespace FrontDoor
