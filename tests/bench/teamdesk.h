// One simulated desk of bench_team (issue 19): its rhythm (Pacer), what it measured (DeskResult), and the calls it
// types for a bounded time (typeCalls), each save sent at its pace and its time taken, as a call-handler types a call.
#pragma once

#include "benchsamples.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <thread>

namespace FrontDoor {
struct Actor;
struct Profile;
class Store;
} // namespace FrontDoor

namespace FrontDoorBench {

// Of a call's twenty saves, the first six type the child's name (a name typed with a few pauses), the rest the concern.
constexpr int namingEdits = 6;

struct DeskResult
{
    Samples saves, queue, search, between; // between: the floor taken between a desk's saves
    Samples starts, names, concerns;       // a save starting an answer; going on typing a child's name, or the concern
    Samples firsts, moves; // the starts apart: a later call's first save (a burst begun), the move to the concern
    Samples signedIn;      // the first save of a desk's first call: its connection's first write since sign-in
    Samples creates;       // a new call (Ctrl+N): the reference given out and the draft stored
    int saved = 0;
    int lostUpdates = 0;
    QString error;
};

// A desk's rhythm: a save every `paceMs`, each desk starting a share of it later than the one before, so the desks do
// not all save at the same instant; a save that overran is followed at once, never by a burst. 0 = flat out. With a
// lead, the first tick comes one pace later, so that what a desk does before its first save (its first Ctrl+N, at
// waitHalfway) is spread across the desks as their saves are.
class Pacer
{
public:
    Pacer(int paceMs, int desk, int desks, bool lead = false)
        : m_pace(paceMs)
        , m_next(std::chrono::steady_clock::now()
                 + std::chrono::milliseconds((lead ? paceMs : 0) + paceMs * desk / std::max(1, desks)))
    {}
    void wait()
    {
        if (m_pace <= 0)
            return;
        std::this_thread::sleep_until(m_next);
        m_next = std::max(m_next + std::chrono::milliseconds(m_pace), std::chrono::steady_clock::now());
    }
    // Halfway to the next tick: where a desk takes its floor between two saves.
    void waitHalfway() const
    {
        if (m_pace > 0)
            std::this_thread::sleep_until(m_next - std::chrono::milliseconds(m_pace / 2));
    }

private:
    int m_pace;
    std::chrono::steady_clock::time_point m_next;
};

// When each referral's last save was sent, for how long its notice took to be heard on another desk: from the save's
// start, so its own time is counted too (a notice can come before the desk has its answer). Flat out, a notice that
// comes after the same desk's next save began is counted from that one: there the figure is a lower bound.
class SentSaves
{
public:
    SentSaves() { m_clock.start(); }
    qint64 now() const { return m_clock.nsecsElapsed(); }
    void sent(const QString &reference);
    // When `reference`'s last save was sent, forgotten once taken; false when it is not known (heard already).
    bool take(const QString &reference, qint64 *sentAt);
    void clear();

private:
    QMutex m_mutex;
    QHash<QString, qint64> m_sentAt;
    QElapsedTimer m_clock;
};

struct DeskPlan
{
    int desk = 0;
    int desks = 1;
    int paceMs = 0; // 0: flat out
    int seconds = 1;
};

// The desk's calls, one after another until `plan.seconds` have passed: Ctrl+N, twenty saves (six into the child's
// name, the rest into the concern) at the desk's pace, the queue and search between them, a bare insert + commit
// halfway between two saves (the floor between), then the call closed and read back to count a lost update. Stops at
// the first failure, said in `result.error`.
void typeCalls(FrontDoor::Store &store,
               const FrontDoor::Actor &actor,
               const FrontDoor::Profile &profile,
               const DeskPlan &plan,
               SentSaves &sent,
               DeskResult &result);

} // namespace FrontDoorBench
