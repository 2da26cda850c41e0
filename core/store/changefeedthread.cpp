#include "store/changefeedthread.h"

namespace FrontDoor {

ChangeFeedThread::ChangeFeedThread(ChangeFeed::Connect connect, int pollMsecs)
    : m_feed(new ChangeFeed(std::move(connect), pollMsecs))
{
    m_thread.setObjectName(QStringLiteral("change feed"));
    m_feed->moveToThread(&m_thread);
    m_thread.start();
}

ChangeFeedThread::~ChangeFeedThread()
{
    // After whatever was queued to it before: the notices of the desk's last changes go out first.
    QMetaObject::invokeMethod(
        m_feed, [feed = m_feed] { delete feed; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Status ChangeFeedThread::start()
{
    Status started;
    QMetaObject::invokeMethod(
        m_feed, [&] { started = m_feed->start(); }, Qt::BlockingQueuedConnection);
    return started;
}

} // namespace FrontDoor
