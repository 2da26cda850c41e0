#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace FrontDoor {

// What changed in the store, for the queue, the home screen and the dashboard to refresh from within about a second
// of another desk's change (issue 19) — never personal data: a sequence number, a kind and a reference.
//
// It keeps a connection of its own. On the server it LISTENs for the events table's notices (NOTIFY on every change,
// from a trigger); Qt's PostgreSQL driver drops a dead listener silently, so a watchdog also reads the newest event
// every `pollMsecs`: a failure there means the connection is gone — it reconnects, listens again and catches up from
// the last sequence it saw. The same read is the backstop when a notice is lost, and all there is on SQLite.
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
    bool isConnected() const { return m_database != nullptr; }
    qint64 lastSequence() const { return m_last; }
    int reconnections() const { return m_reconnections; }

signals:
    void changed(const QList<FrontDoor::ChangeFeed::Change> &changes);
    void connectionLost(const QString &why); // once per loss; the feed keeps trying
    void reconnected();

private:
    Status connectAndListen();
    void catchUp();
    void lose(const QString &why);

    Connect m_connect;
    std::unique_ptr<Database> m_database;
    QTimer m_watchdog;
    qint64 m_last = -1;
    int m_reconnections = 0;
    bool m_lost = false;
};

} // namespace FrontDoor
