#include "store/changefeed.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace FrontDoor {

ChangeFeed::ChangeFeed(Connect connect, int pollMsecs, QObject *parent)
    : QObject(parent)
    , m_connect(std::move(connect))
{
    m_watchdog.setInterval(pollMsecs);
    QObject::connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (!m_database) {
            if (Status s = connectAndListen(); !s)
                return; // still away: try again at the next tick
            ++m_reconnections;
            m_lost = false;
            emit reconnected();
        }
        catchUp();
    });
}

ChangeFeed::~ChangeFeed()
{
    if (m_database && m_database->isServer())
        m_database->connection().driver()->unsubscribeFromNotification(QString::fromLatin1(channel));
}

Status ChangeFeed::start()
{
    m_watchdog.start(); // also when the first connection fails: each tick tries again
    return connectAndListen();
}

Status ChangeFeed::connectAndListen()
{
    Result<std::unique_ptr<Database>> opened = m_connect();
    if (!opened)
        return opened.error();
    m_database = std::move(*opened);
    if (m_database->isServer()) {
        QSqlDriver *driver = m_database->connection().driver();
        if (!driver->subscribeToNotification(QString::fromLatin1(channel))) {
            m_database.reset();
            return makeError(ErrorCode::Unreachable, QStringLiteral("The server would not send notices of changes."));
        }
        QObject::connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
            if (name == QLatin1String(channel))
                catchUp();
        });
    }
    if (m_last < 0) {
        Result<QSqlQuery *> latest = m_database->exec(QStringLiteral("events.latest"));
        if (!latest) {
            m_database.reset();
            return latest.error();
        }
        m_last = (*latest)->next() ? (*latest)->value(0).toLongLong() : 0;
        (*latest)->finish();
    }
    return {};
}

void ChangeFeed::lose(const QString &why)
{
    m_database.reset(); // the next watchdog tick reconnects
    if (!m_lost) {
        m_lost = true;
        emit connectionLost(why);
    }
}

void ChangeFeed::catchUp()
{
    if (!m_database)
        return;
    Result<QSqlQuery *> rows = m_database->exec(QStringLiteral("events.since"), {{"seq", m_last}});
    if (!rows) {
        lose(rows.errorMessage());
        return;
    }
    QList<Change> changes;
    while ((*rows)->next())
        changes.append(
            Change{(*rows)->value(0).toLongLong(), (*rows)->value(1).toString(), (*rows)->value(2).toString()});
    (*rows)->finish();
    if (changes.isEmpty())
        return;
    m_last = changes.constLast().sequence;
    emit changed(changes);
}

} // namespace FrontDoor
