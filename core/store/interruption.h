#pragma once

#include <atomic>
#include <mutex>

struct sqlite3;

namespace FrontDoor {

// Work on a thread of its own that the window may stop (the screen locks, the window closes): a flag the work looks
// at between steps, and the SQLite connection it is using, interrupted at once. SQLite forbids interrupting a handle
// that is closed or closing: publish(), withdraw() and stop() share one lock, so once withdraw() has returned no
// interrupt can reach that handle and it may be closed. A handle published after stop() is interrupted as it comes.
class Interruption
{
public:
    void publish(sqlite3 *db);
    void withdraw();
    void stop();
    bool stopped() const { return m_stopped.load(); }

private:
    std::mutex m_mutex;
    sqlite3 *m_db = nullptr;
    std::atomic<bool> m_stopped{false};
};

// Publishes a connection for as long as it lives; declared after the connection it guards, so it goes first.
class Published
{
public:
    Published(Interruption *interruption, sqlite3 *db)
        : m_interruption(interruption)
    {
        if (m_interruption)
            m_interruption->publish(db);
    }
    ~Published()
    {
        if (m_interruption)
            m_interruption->withdraw();
    }
    Published(const Published &) = delete;
    Published &operator=(const Published &) = delete;

private:
    Interruption *m_interruption;
};

} // namespace FrontDoor
