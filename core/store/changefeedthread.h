#pragma once

#include "common/result.h"
#include "store/changefeed.h"

#include <QThread>

namespace FrontDoor {

// The window's change feed on a thread of its own (team mode, issue 19): its ticks (a digest or a read, a few hundred
// milliseconds when the server is busy) and the notices of the desk's own changes (ChangeFeed::announcer, given to
// the store's Database) never hold up the call-handler's typing. Its signals reach the window queued, on the window's
// thread; nothing else of the feed may be called from there.
class ChangeFeedThread
{
public:
    ChangeFeedThread(ChangeFeed::Connect connect, int pollMsecs);
    ~ChangeFeedThread(); // the feed is destroyed on its thread (its connection was opened there), then the thread ends
    ChangeFeedThread(const ChangeFeedThread &) = delete;
    ChangeFeedThread &operator=(const ChangeFeedThread &) = delete;

    // The feed's start() on its thread, waited for.
    Status start();
    ChangeFeed *feed() const { return m_feed; } // to connect to, and for its announcer()

private:
    QThread m_thread;
    ChangeFeed *m_feed;
};

} // namespace FrontDoor
