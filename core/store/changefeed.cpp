#include "store/changefeed.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>

#include <algorithm>

namespace FrontDoor {

ChangeFeed::ChangeFeed(Connect connect, int pollMsecs, QObject *parent)
    : QObject(parent)
    , m_connect(std::move(connect))
    , m_watchdog(this) // moves with the feed to another thread
{
    m_gate->feed = this;
    m_watchdog.setInterval(pollMsecs);
    QObject::connect(&m_watchdog, &QTimer::timeout, this, &ChangeFeed::check);
    m_age.start();
}

void ChangeFeed::check()
{
    bool back = false;
    if (!m_database) {
        if (Status s = connectAndListen(); !s)
            return; // still away: try again at the next tick
        ++m_reconnections;
        m_lost = false;
        back = true;
        emit reconnected();
    }
    // Confirmed, with newer notices held for the next tick: reading now would only bring those back. A change whose
    // notice was lost meanwhile makes the next digest differ, and that tick reads it. Back from a loss, it reads at
    // once: no notice came while the connection was gone.
    if (!confirmHints() || m_hints.isEmpty() || back)
        catchUp();
    lookForGaps();
}

ChangeFeed::~ChangeFeed()
{
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->feed = nullptr;
    }
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
            gateConnected();
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
            gateConnected();
            return latest.error();
        }
        m_newest = (*latest)->next() ? (*latest)->value(0).toLongLong() : 0;
        (*latest)->finish();
    }
    gateConnected();
    return {};
}

Database::Announcer ChangeFeed::announcer() const
{
    return [gate = m_gate](const QList<qint64> &seqs) {
        QMutexLocker lock(&gate->mutex);
        if (!gate->feed || !gate->connected)
            return false;
        // Dropped with the feed if it is destroyed before this runs: the other desks' backstop then reads them.
        QMetaObject::invokeMethod(
            gate->feed, [feed = gate->feed, seqs] { feed->announce(seqs); }, Qt::QueuedConnection);
        return true;
    };
}

void ChangeFeed::gateConnected()
{
    QMutexLocker lock(&m_gate->mutex);
    m_gate->connected = m_database != nullptr;
}

void ChangeFeed::announce(const QList<qint64> &seqs)
{
    if (!m_database)
        return; // lost since it was asked: the other desks' gap lookup and backstop read them
    if (Status sent = m_database->announceNow(seqs); !sent)
        lose(sent.errorMessage());
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
    if (change.sequence > m_newest && m_hints.size() < mostRemembered && !change.kind.contains(u'|')
        && !change.kind.contains(u'\n') && !change.reference.contains(u'|') && !change.reference.contains(u'\n'))
        m_hints.insert(change.sequence, Hint{change, m_age.elapsed()}); // one unambiguous digest line each
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
    gateConnected();
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

// Most ticks, notices have brought every change since the last read: rather than read them all back (flat out, a
// front door's five seconds of saves on every listening desk), ask the server how many events lie between the newest
// read and the highest notice held for `settleMsecs` (by then the changes numbered below it have committed and been
// announced, but for a save stalled that long), and for a digest of them. Equal to the notices' own, the table holds
// exactly those: the feed moves past them, and what they skip becomes gaps, as on a read. Anything else (a notice
// lost, one not yet come, a forged one) and catchUp reads them all back, as it always did.
bool ChangeFeed::confirmHints()
{
    m_hints.erase(m_hints.begin(), m_hints.upperBound(m_newest)); // read since they came, or gaps the lookup brings
    if (!m_database)
        return false;
    const qint64 settled = m_age.elapsed() - m_settle;
    qint64 upto = -1;
    for (const Hint &hint : std::as_const(m_hints))
        if (hint.at <= settled)
            upto = hint.change.sequence; // in order: the last one settled
    if (upto < 0)
        return false;
    QByteArray lines;
    QList<Change> hints;
    for (auto hint = m_hints.cbegin(); hint != m_hints.cend() && hint.key() <= upto; ++hint) {
        lines += QStringLiteral("%1|%2|%3\n").arg(hint.key()).arg(hint->change.kind, hint->change.reference).toUtf8();
        hints.append(hint->change);
    }
    m_hints.erase(m_hints.begin(), m_hints.upperBound(upto)); // confirmed now, or read back by catchUp
    Result<QSqlQuery *> digest
        = m_database->exec(QStringLiteral("events.digest"), {{"after", m_newest}, {"upto", upto}});
    if (!digest) {
        lose(digest.errorMessage());
        return false;
    }
    const bool same = (*digest)->next() && (*digest)->value(0).toLongLong() == hints.size()
                      && (*digest)->value(1).toString().toLatin1()
                             == QCryptographicHash::hash(lines, QCryptographicHash::Sha256).toHex();
    (*digest)->finish();
    if (!same)
        return false;
    ++m_confirmations;
    heard(hints);
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
