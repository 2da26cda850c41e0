#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace FrontDoor {

// What changed in the store, for the queue, the home screen and the dashboard to refresh from within about a second
// of another desk's change (issue 19) — never personal data: a sequence number, a kind and a reference.
//
// It keeps a connection of its own. On the server it LISTENs for the notices each desk sends once its change has
// committed (Database::announce), each carrying its change, so nothing is read back for a notice. Qt's PostgreSQL
// driver drops a dead listener silently, so a watchdog also reads what came after the newest change read every
// `pollMsecs`: a failure there means the connection is gone — it reconnects, listens again and catches up. The same
// read is the backstop when a notice is lost, and all there is on SQLite.
//
// A notice is a hint, never the record: anyone signed in to the server may NOTIFY on the channel. So a notice alone
// never moves the feed on, an urgent flag is delivered only once the events table shows it, and a change is delivered
// once by its number, kind and reference together, so a forged notice can neither take a real change's number nor
// make the desk deaf to the numbers below its own. At each tick the notices held a moment are confirmed in one round
// trip (the count and a digest of the events they cover, `events.digest`): if the table holds exactly them, the feed
// moves past them without reading them back; if not (a notice lost, late or forged), it reads them all back.
//
// On the server a number is taken when a change is written and seen when it commits, so a save begun first can be
// seen after a later one: each change is heard once, in whatever order it comes. Numbers skipped below the newest
// read are gaps, looked up at each tick until they appear, or until `gapPatience` passes (a save undone never fills
// its number).
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    struct Change
    {
        qint64 sequence = 0;
        QString kind;
        QString reference;
    };
    using Connect = std::function<Result<std::unique_ptr<Database>>()>;

    static constexpr const char *channel = "frontdoor_changes";

    // `connect` opens the feed's own connection (again, after a loss). Nothing happens until start().
    ChangeFeed(Connect connect, int pollMsecs, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Connects and starts from the newest event (what is already there is not news). On failure it says why and
    // keeps trying at each tick of the watchdog.
    Status start();
    // What each tick of the watchdog does, now: reconnect if need be, confirm the notices held, read what they did
    // not bring, look for the gaps.
    void check();
    // Sends the notices of this desk's own changes on the feed's connection, on the feed's thread, for
    // Database::setAnnouncer: the save need not wait while PostgreSQL wakes every listening desk. It declines (the
    // desk's own connection sends them) while the feed has no connection or once the feed is gone.
    Database::Announcer announcer() const;
    bool isConnected() const { return m_database != nullptr; }
    qint64 lastSequence() const { return m_newest; }
    int reconnections() const { return m_reconnections; }
    int gaps() const { return int(m_gaps.size()); }
    int confirmations() const { return m_confirmations; } // ticks that moved on by the digest, not by reading
    void setGapPatience(int msecs) { m_gapPatience = msecs; }
    void setSettle(int msecs) { m_settle = msecs; }

    static constexpr int defaultGapPatience = 60'000;
    static constexpr int defaultSettle = 1000; // how long a notice is held before the tick confirms it
    static constexpr int mostGaps = 1000;
    static constexpr int mostRemembered = 10'000; // changes delivered, kept to deliver each once

signals:
    void changed(const QList<FrontDoor::ChangeFeed::Change> &changes);
    void connectionLost(const QString &why); // once per loss; the feed keeps trying
    void reconnected();

private:
    Status connectAndListen();
    void noticed(const QVariant &payload);
    bool confirmHints();
    void catchUp();
    void lookForGaps();
    bool read(const QString &key, Database::Bindings values, QList<Change> &into);
    void heard(const QList<Change> &changes);
    bool firstTime(const Change &change);
    bool confirmed(const Change &change);
    void lose(const QString &why);
    void announce(const QList<qint64> &seqs);
    void gateConnected();

    struct Gate // what announcer() reaches from the saving thread
    {
        QMutex mutex;
        ChangeFeed *feed = nullptr; // null once the feed is being destroyed
        bool connected = false;
    };
    Connect m_connect;
    std::shared_ptr<Gate> m_gate = std::make_shared<Gate>();
    std::unique_ptr<Database> m_database;
    QTimer m_watchdog;
    qint64 m_newest = -1;        // the highest number read (or where the feed started)
    QMap<qint64, qint64> m_gaps; // numbers skipped below it -> when first missed (on m_age)
    QElapsedTimer m_age;
    struct Hint
    {
        Change change;
        qint64 at = 0; // when it came, on m_age
    };
    QMultiMap<qint64, Hint> m_hints; // notices above m_newest, not yet confirmed (confirmHints)
    QSet<QString> m_delivered; // number, kind and reference of each change delivered (firstTime)
    std::deque<QString> m_deliveredOrder;
    int m_gapPatience = defaultGapPatience;
    int m_settle = defaultSettle;
    int m_reconnections = 0;
    int m_confirmations = 0;
    bool m_lost = false;
};

} // namespace FrontDoor
