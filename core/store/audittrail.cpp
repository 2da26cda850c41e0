#include "store/audittrail.h"

#include "store/database.h"

#include "store/storedtime.h"
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>
#include <sqlite3.h>

#include <memory>
#include <optional>

namespace FrontDoor {

namespace {


QString payloadText(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

AuditEvent eventFrom(const QSqlQuery &row)
{
    AuditEvent event;
    event.sequence = row.value(0).toLongLong();
    event.reference = row.value(1).toString();
    event.user = row.value(2).toString();
    event.at = StoredTime::parse(row.value(3));
    event.kind = row.value(4).toString();
    event.payload = QJsonDocument::fromJson(row.value(5).toString().toUtf8()).object();
    event.previousHash = row.value(6).toString();
    event.hash = row.value(7).toString();
    return event;
}

} // namespace

QString AuditTrail::hashOf(qint64 sequence, const QString &reference, const QString &user, const QString &at,
                           const QString &kind, const QString &payload, const QString &previousHash)
{
    // Length-prefixed fields, so no two different events can encode alike.
    QCryptographicHash sha(QCryptographicHash::Sha256);
    for (const QString &field : {QString::number(sequence), reference, user, at, kind, payload, previousHash}) {
        const QByteArray bytes = field.toUtf8();
        sha.addData(QByteArray(QByteArray::number(bytes.size()) + ':' + bytes + ';'));
    }
    return QString::fromLatin1(sha.result().toHex());
}

Result<qint64> AuditTrail::Writer::append(const QString &reference, const QString &user, const QDateTime &at,
                                          AuditKind kind, const QJsonObject &payload)
{
    if (m_database.isServer()) {
        // One round trip (frontdoor.audit_append_all): the server locks the head, links the event and answers the
        // link, checked here as appendAll checks it. Reading the head first and then appending was two, with the head
        // locked between them — every other desk's event waiting on this one's network.
        if (Status s = appendAll(reference, {Draft{user, at, kind, payload}}); !s)
            return s.error();
        return m_headSequence;
    }
    if (!m_loaded) {
        Result<QSqlQuery *> head = m_database.exec(QStringLiteral("audit.head"));
        if (!head)
            return head.error();
        if (!(*head)->next())
            return makeError(ErrorCode::DatabaseCorrupt,
                             QStringLiteral("%1: the audit trail's head row is missing.").arg(m_database.path()));
        m_headSequence = (*head)->value(0).toLongLong();
        m_headHash = (*head)->value(1).toString();
        m_startSequence = m_headSequence;
        (*head)->finish();
        m_loaded = true;
    }
    const qint64 sequence = m_headSequence + 1;
    const QString time = StoredTime::text(at);
    const QString kindName = auditKindName(kind);
    const QString body = payloadText(payload);
    const QString hash = hashOf(sequence, reference, user, time, kindName, body, m_headHash);
    // A step before 7, bringing a file up to date, writes the trail as it was kept then (schema step 7).
    const bool beforeStep7 = m_database.schemaVersion() < Database::compactTrailVersion;
    Result<QSqlQuery *> inserted
        = m_database.exec(beforeStep7 ? QStringLiteral("audit.insertBeforeStep7") : QStringLiteral("audit.insert"),
                          {{"seq", sequence},
                           {"reference", reference.isEmpty() ? QVariant() : QVariant(reference)},
                           {"user", user},
                           {"at", time},
                           {"kind", kindName},
                           {"payload", body},
                           {"previous", m_headHash},
                           {"hash", hash}});
    if (!inserted)
        return inserted.error();
    m_headSequence = sequence;
    m_headHash = hash;
    ++m_appended;
    return sequence;
}

QString AuditTrail::Writer::encode(const QString &reference, const QList<Draft> &events)
{
    QJsonArray sent;
    for (const Draft &event : events) {
        const QString at = StoredTime::text(event.at);
        const QString kind = auditKindName(event.kind);
        const QString payload = payloadText(event.payload);
        // The event's link at sequence 0 after an empty hash, as this Front Door computes it: the server computes it
        // again with the function its real link goes through, and refuses the save whole if the two differ (schema
        // step 11), before it writes anything.
        sent.append(QJsonObject{{QStringLiteral("user_id"), event.user},
                                {QStringLiteral("at"), at},
                                {QStringLiteral("kind"), kind},
                                {QStringLiteral("payload"), payload},
                                {QStringLiteral("check"), hashOf(0, reference, event.user, at, kind, payload, {})}});
    }
    return QString::fromUtf8(QJsonDocument(sent).toJson(QJsonDocument::Compact));
}

Status AuditTrail::Writer::appendAll(const QString &reference, const QList<Draft> &events)
{
    if (events.isEmpty())
        return {};
    if (!m_database.isServer()) {
        for (const Draft &event : events)
            if (Result<qint64> s = append(reference, event.user, event.at, event.kind, event.payload); !s)
                return s.error();
        return {};
    }
    Result<QSqlQuery *> rows = m_database.exec(QStringLiteral("audit.appendAll"),
                                               {{"reference", reference}, {"events", encode(reference, events)}});
    if (!rows)
        return rows.error();
    Status accepted = accept(reference, events, **rows);
    (*rows)->finish();
    return accepted;
}

Status AuditTrail::Writer::accept(const QString &reference, const QList<Draft> &events, QSqlQuery &rows)
{
    // Outside a transaction the statement that linked them has already committed (a save that ends a burst, whose
    // events the server checked before writing: the sequence and previous hash are all that can differ here).
    const bool committed = !m_database.inTransaction();
    const auto refuse = [&](qint64 sequence) {
        return makeError(ErrorCode::DatabaseCorrupt,
                         committed ? QStringLiteral("%1: the server computed another link for event %2 than this Front "
                                                    "Door did; the change was saved, but the trail will not verify: "
                                                    "tell whoever runs the server.")
                                         .arg(m_database.path())
                                         .arg(sequence)
                                   : QStringLiteral("%1: the server computed another link for event %2; nothing was "
                                                    "saved.")
                                         .arg(m_database.path())
                                         .arg(sequence));
    };
    for (const Draft &event : events) {
        if (!rows.next())
            return refuse(m_headSequence + 1);
        const qint64 sequence = rows.value(0).toLongLong();
        const QString previous = rows.value(1).toString();
        const QString hash = rows.value(2).toString();
        // The first link follows the head this writer saw, if it read one; each next link follows the one before.
        if ((m_loaded && (sequence != m_headSequence + 1 || previous != m_headHash))
            || hash
                   != hashOf(sequence,
                             reference,
                             event.user,
                             StoredTime::text(event.at),
                             auditKindName(event.kind),
                             payloadText(event.payload),
                             previous))
            return refuse(sequence);
        if (!m_loaded)
            m_startSequence = sequence - 1;
        m_loaded = true;
        m_headSequence = sequence;
        m_headHash = hash;
        ++m_appended;
    }
    return {};
}

Status AuditTrail::Writer::finish()
{
    if (m_appended == 0)
        return {};
    if (m_database.isServer()) {
        // The server moved the head with each link, and this transaction has held the head row locked since its
        // first one (audit_head_locked or audit_append_all take it FOR UPDATE): no other writer can have moved it.
        m_startSequence = m_headSequence;
        m_appended = 0;
        return {};
    }
    Result<QSqlQuery *> moved = m_database.exec(
        QStringLiteral("audit.moveHead"), {{"seq", m_headSequence}, {"hash", m_headHash}, {"previousSeq", m_startSequence}});
    if (!moved)
        return moved.error();
    const bool inPlace = m_database.isServer() ? (*moved)->next() : (*moved)->numRowsAffected() == 1;
    (*moved)->finish();
    if (!inPlace)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1: the audit trail moved while writing; nothing was saved.").arg(m_database.path()));
    m_startSequence = m_headSequence;
    m_appended = 0;
    return {};
}

Result<qint64> AuditTrail::appendOne(Database &database,
                                     const QString &reference,
                                     const QString &user,
                                     const QDateTime &at,
                                     AuditKind kind,
                                     const QJsonObject &payload)
{
    Writer writer(database);
    Result<qint64> sequence = writer.append(reference, user, at, kind, payload);
    if (!sequence)
        return sequence;
    if (Status s = writer.finish(); !s)
        return s.error();
    return sequence;
}

Result<qint64> AuditTrail::record(Database &database, const QString &reference, const QString &user,
                                  const QDateTime &at, AuditKind kind, const QJsonObject &payload)
{
    WriteTransaction transaction(database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    Result<qint64> sequence = appendOne(database, reference, user, at, kind, payload);
    if (!sequence)
        return sequence;
    if (Status s = transaction.commit(); !s)
        return s.error();
    return sequence;
}

namespace {

// One event's hash straight from SQLite's bytes, as hashOf computes it from strings: the verifier walks millions of
// events, and converting each column to a QString and back cost most of its time (bench_store: verify-audit).
class RawChainHash
{
public:
    explicit RawChainHash(sqlite3_stmt *row) : m_row(row) {}

    QByteArray of(const QByteArray &previousHex)
    {
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        add(&state, QByteArray::number(sqlite3_column_int64(m_row, 0)));
        for (int column = 1; column <= 5; ++column)
            add(&state, column);
        add(&state, previousHex);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state, digest);
        QByteArray hex(2 * crypto_hash_sha256_BYTES + 1, Qt::Uninitialized);
        sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
        hex.chop(1);
        return hex;
    }
    QByteArray text(int column) const
    {
        return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_row, column)),
                          sqlite3_column_bytes(m_row, column));
    }

private:
    void add(crypto_hash_sha256_state *state, int column)
    {
        const auto *bytes = sqlite3_column_text(m_row, column);
        addBytes(state, bytes ? reinterpret_cast<const char *>(bytes) : "", sqlite3_column_bytes(m_row, column));
    }
    static void add(crypto_hash_sha256_state *state, const QByteArray &bytes)
    {
        addBytes(state, bytes.constData(), bytes.size());
    }
    static void addBytes(crypto_hash_sha256_state *state, const char *bytes, int size)
    {
        const QByteArray length = QByteArray::number(size) + ':';
        crypto_hash_sha256_update(state, reinterpret_cast<const unsigned char *>(length.constData()), length.size());
        crypto_hash_sha256_update(state, reinterpret_cast<const unsigned char *>(bytes), size);
        crypto_hash_sha256_update(state, reinterpret_cast<const unsigned char *>(";"), 1);
    }

    sqlite3_stmt *m_row;
};

} // namespace

Result<AuditTrail::Verification> AuditTrail::verifyChain(Database &database, const Start &from)
{
    if (sodium_init() < 0)
        return makeError(ErrorCode::Unsupported, QStringLiteral("libsodium could not start."));
    Verification result;
    const auto broken = [&result](qint64 at, const QString &problem) {
        result.intact = false;
        result.brokenAt = at;
        result.problem = problem;
        return result;
    };
    if (from.sequence > 0) {
        Result<QSqlQuery *> held = database.exec(QStringLiteral("audit.hashAt"), {{"seq", from.sequence}});
        if (!held)
            return held.error();
        const QString hash = (*held)->next() ? (*held)->value(0).toString() : QString();
        (*held)->finish();
        if (hash != from.hash)
            return broken(
                from.sequence,
                QStringLiteral("event %1, verified before as %2, %3 (history before it was rewritten)")
                    .arg(from.sequence)
                    .arg(from.hash,
                         hash.isEmpty() ? QStringLiteral("is gone") : QStringLiteral("now hashes to %1").arg(hash)));
    }

    // One link of the chain as read: its number, the previous hash it names, its stored hash and its contents hashed
    // again. SQLite's rows are hashed from its own bytes (RawChainHash); the server's through Qt Sql.
    struct Link
    {
        qint64 sequence = 0;
        QByteArray previousHash;
        QByteArray stored;
        QByteArray recomputed;
    };
    QByteArray previous = from.sequence > 0 ? from.hash.toLatin1() : genesisHash().toLatin1();
    qint64 expected = from.sequence + 1;
    std::optional<Verification> failure;
    const auto check = [&](const Link &link) {
        if (link.sequence != expected) {
            failure = broken(expected,
                             link.sequence > expected
                                 ? QStringLiteral("event %1 is missing (the next one is %2): a row was deleted")
                                       .arg(expected)
                                       .arg(link.sequence)
                                 : QStringLiteral("event %1 appears twice").arg(link.sequence));
            return false;
        }
        if (link.previousHash != previous) {
            failure = broken(link.sequence,
                             QStringLiteral("event %1 does not follow event %2: its previous-hash is %3, "
                                            "but event %2 hashes to %4 (a row was inserted, reordered or "
                                            "replaced)")
                                 .arg(link.sequence)
                                 .arg(link.sequence - 1)
                                 .arg(QString::fromLatin1(link.previousHash), QString::fromLatin1(previous)));
            return false;
        }
        if (link.stored != link.recomputed) {
            failure = broken(link.sequence,
                             QStringLiteral("event %1 was altered: its contents hash to %2, not to the stored %3")
                                 .arg(link.sequence)
                                 .arg(QString::fromLatin1(link.recomputed), QString::fromLatin1(link.stored)));
            return false;
        }
        previous = link.stored;
        ++expected;
        return true;
    };

    if (database.isServer()) {
        Result<QSqlQuery *> rows = database.exec(QStringLiteral("audit.since"), {{"seq", from.sequence}});
        if (!rows)
            return rows.error();
        while ((*rows)->next()) {
            const QSqlQuery &row = **rows;
            Link link{
                row.value(0).toLongLong(), row.value(6).toString().toLatin1(), row.value(7).toString().toLatin1(), {}};
            link.recomputed = hashOf(link.sequence,
                                     row.value(1).toString(),
                                     row.value(2).toString(),
                                     row.value(3).toString(),
                                     row.value(4).toString(),
                                     row.value(5).toString(),
                                     QString::fromLatin1(link.previousHash))
                                  .toLatin1();
            if (!check(link)) {
                (*rows)->finish();
                return *failure;
            }
        }
        (*rows)->finish();
    } else {
        sqlite3_stmt *rows = nullptr;
        const QByteArray sql = database.sql().statement(QStringLiteral("audit.since")).toUtf8();
        if (sqlite3_prepare_v2(database.handle(), sql.constData(), int(sql.size()), &rows, nullptr) != SQLITE_OK)
            return makeError(
                ErrorCode::DatabaseError,
                QStringLiteral("%1: %2").arg(database.path(), QString::fromUtf8(sqlite3_errmsg(database.handle()))));
        const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> finalizer(rows, sqlite3_finalize);
        sqlite3_bind_int64(rows, 1, from.sequence);
        RawChainHash raw(rows);
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
            Link link{sqlite3_column_int64(rows, 0), raw.text(6), raw.text(7), {}};
            link.recomputed = raw.of(link.previousHash);
            if (!check(link))
                return *failure;
        }
        if (rc != SQLITE_DONE)
            return makeError(
                rc == SQLITE_CORRUPT ? ErrorCode::DatabaseCorrupt : ErrorCode::DatabaseError,
                QStringLiteral("%1: %2").arg(database.path(), QString::fromUtf8(sqlite3_errmsg(database.handle()))));
    }
    const qint64 count = expected - 1;
    result.events = count - from.sequence;

    Result<QSqlQuery *> head = database.exec(QStringLiteral("audit.head"));
    if (!head)
        return head.error();
    if (!(*head)->next())
        return broken(count + 1, QStringLiteral("the head row, which holds the last event's number and hash, is gone"));
    const qint64 headSequence = (*head)->value(0).toLongLong();
    const QString headHash = (*head)->value(1).toString();
    (*head)->finish();
    if (headSequence != count || headHash != QString::fromLatin1(previous))
        return broken(std::min(headSequence, count) + 1,
                      QStringLiteral("the head row says %1 events ending in %2, but the trail holds %3 ending in %4 "
                                     "(the latest events were removed, or the head was edited)")
                          .arg(headSequence).arg(headHash).arg(count).arg(QString::fromLatin1(previous)));
    result.intact = true;
    result.headSequence = count;
    result.headHash = QString::fromLatin1(previous);
    return result;
}

Result<QList<AuditEvent>> AuditTrail::forReferral(Database &database, const QString &reference)
{
    Result<QSqlQuery *> rows = database.exec(QStringLiteral("audit.forReferral"), {{"reference", reference}});
    if (!rows)
        return rows.error();
    QList<AuditEvent> events;
    while ((*rows)->next())
        events.append(eventFrom(**rows));
    (*rows)->finish();
    return events;
}

} // namespace FrontDoor
