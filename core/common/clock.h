#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace FrontDoor {

// Time is injected (architecture: "Time is injected"), so deadlines, out-of-hours routing and audit times are
// tested exactly. Always UTC, millisecond precision.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The machine's clock.
    static const Clock &system();
};

// A clock that stands still until told to move: for tests and for `--now`.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime &start) : m_msecs(start.toMSecsSinceEpoch()) {}
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC); }
    void set(const QDateTime &time) { m_msecs.store(time.toMSecsSinceEpoch()); }
    void advance(qint64 msecs) { m_msecs.fetch_add(msecs); }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace FrontDoor
