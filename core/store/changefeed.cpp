#include "store/changefeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>

#include <algorithm>

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
        lookForGaps();
    });
    m_age.start();
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
        QObject::connect(driver,
                         &QSqlDriver::notification,
                         this,
                         [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                             if (name == QLatin1String(channel))
                                 noticed(payload);
                         });
    }
    if (m_newest < 0) {
        Result<QSqlQuery *> latest = m_database->exec(QStringLiteral("events.latest"));
        if (!latest) {
            m_database.reset();
            return latest.error();
        }
        m_newest = (*latest)->next() ? (*latest)->value(0).toLongLong() : 0;
        (*latest)->finish();
    }
    return {};
}

void ChangeFeed::noticed(const QVariant &payload)
{
    // [seq, kind, reference] since the server's step 6; a bare number before it, when only a read says what changed.
    const QJsonArray fields = QJsonDocument::fromJson(payload.toString().toUtf8()).array();
    if (fields.size() != 3 || !fields.at(0).isDouble() || !fields.at(1).isString()) {
        catchUp();
        return;
    }
    // A hint: delivered (once) for the desk to refresh from what is stored, and it moves nothing here.
    const Change change{qint64(fields.at(0).toDouble()), fields.at(1).toString(), fields.at(2).toString()};
    if (change.kind == QLatin1String("urgent") && !confirmed(change))
        return; // not (yet) in the events table: a forgery, or the next read brings it
    if (firstTime(change))
        emit changed({change});
}

// An urgent flag names a referral on every desk's status bar: only as the events table holds it.
bool ChangeFeed::confirmed(const Change &change)
{
    QList<Change> found;
    if (!m_database
        || !read(QStringLiteral("events.listed"), {{"seqs", QStringLiteral("[%1]").arg(change.sequence)}}, found))
        return false;
    return std::any_of(found.cbegin(), found.cend(), [&](const Change &stored) {
        return stored.sequence == change.sequence && stored.kind == change.kind && stored.reference == change.reference;
    });
}

bool ChangeFeed::firstTime(const Change &change)
{
    QString key = QStringLiteral("%1\n%2\n%3").arg(change.sequence).arg(change.kind, change.reference);
    if (m_delivered.contains(key))
        return false;
    m_delivered.insert(key);
    m_deliveredOrder.push_back(std::move(key));
    if (m_deliveredOrder.size() > size_t(mostRemembered)) {
        m_delivered.remove(m_deliveredOrder.front());
        m_deliveredOrder.pop_front();
    }
    return true;
}

void ChangeFeed::lose(const QString &why)
{
    // The next watchdog tick reconnects. The connection is closed once control is back in the event loop, not
    // here: this can run inside its driver's own notice handler (an urgent notice confirmed, or an old server's
    // bare number read back), which goes on using it after we return.
    if (m_database)
        QTimer::singleShot(0, this, [gone = std::shared_ptr<Database>(std::move(m_database))] {});
    if (!m_lost) {
        m_lost = true;
        emit connectionLost(why);
    }
}

bool ChangeFeed::read(const QString &key, Database::Bindings values, QList<Change> &into)
{
    Result<QSqlQuery *> rows = m_database->exec(key, values);
    if (!rows) {
        lose(rows.errorMessage());
        return false;
    }
    while ((*rows)->next())
        into.append(Change{(*rows)->value(0).toLongLong(), (*rows)->value(1).toString(), (*rows)->value(2).toString()});
    (*rows)->finish();
    return true;
}

void ChangeFeed::catchUp()
{
    constexpr qsizetype page = 1000; // events.since's LIMIT
    QList<Change> changes;
    do {
        changes.clear();
        if (!m_database || !read(QStringLiteral("events.since"), {{"seq", m_newest}}, changes))
            return;
        heard(changes);
    } while (changes.size() == page);
}

void ChangeFeed::lookForGaps()
{
    if (m_gaps.isEmpty() || !m_database)
        return;
    QJsonArray numbers;
    for (auto gap = m_gaps.cbegin(); gap != m_gaps.cend(); ++gap)
        numbers.append(double(gap.key()));
    QList<Change> found;
    if (!read(QStringLiteral("events.listed"),
              {{"seqs", QString::fromUtf8(QJsonDocument(numbers).toJson(QJsonDocument::Compact))}},
              found))
        return;
    heard(found);
    const qint64 givenUp = m_age.elapsed() - m_gapPatience;
    for (auto gap = m_gaps.begin(); gap != m_gaps.end();)
        gap = gap.value() <= givenUp ? m_gaps.erase(gap) : std::next(gap);
}

void ChangeFeed::heard(const QList<Change> &changes)
{
    QList<Change> news;
    for (const Change &change : changes) {
        if (change.sequence > m_newest) {
            const qint64 now = m_age.elapsed();
            for (qint64 skipped = std::max(m_newest + 1, change.sequence - mostGaps); skipped < change.sequence;
                 ++skipped)
                m_gaps.insert(skipped, now);
            m_newest = change.sequence;
        } else if (m_gaps.remove(change.sequence) == 0) {
            continue; // read already
        }
        if (firstTime(change)) // not brought by its notice already
            news.append(change);
    }
    while (m_gaps.size() > mostGaps)
        m_gaps.erase(m_gaps.begin()); // the oldest numbers: given up first
    if (!news.isEmpty())
        emit changed(news);
}

} // namespace FrontDoor
