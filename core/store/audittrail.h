#pragma once

#include "common/result.h"
#include "store/auditevent.h"

#include <QList>

class QSqlQuery;

namespace FrontDoor {

class Database;

// The append-only, hash-chained audit trail. Each event's hash is SHA-256 over a canonical, length-prefixed
// encoding of its sequence, reference, user, UTC time, kind, payload and the previous event's hash; the head row
// holds the last sequence and hash. Triggers refuse UPDATE and DELETE; the chain catches what the triggers cannot
// (someone dropping them and editing the file): an edited, deleted, reordered or inserted row breaks a link.
class AuditTrail
{
public:
    // The "previous hash" of the first event.
    static QString genesisHash() { return QString(64, u'0'); }

    // Appends within the caller's write transaction; call finish() before committing.
    class Writer
    {
    public:
        explicit Writer(Database &database) : m_database(database) {}
        Result<qint64> append(const QString &reference, const QString &user, const QDateTime &at, AuditKind kind,
                              const QJsonObject &payload);
        // Several events of one referral. On the server in one round trip (frontdoor.audit_append_all, which locks
        // the head until the transaction ends, so call it last before finish()); on SQLite one by one. Each link
        // the server computed is computed here again: both must agree, or nothing is saved.
        struct Draft
        {
            QString user;
            QDateTime at;
            AuditKind kind;
            QJsonObject payload;
        };
        Status appendAll(const QString &reference, const QList<Draft> &events);
        // The server's side of appendAll for a statement that appended the events itself (referrals.saved): the
        // events as frontdoor.audit_append_all takes them, each with the link this Front Door computes for it at
        // sequence 0, which the server checks before writing; and the links it answered (seq, prev_hash, hash), read
        // from `rows` one per event and checked as appendAll checks them.
        static QString encode(const QString &reference, const QList<Draft> &events);
        Status accept(const QString &reference, const QList<Draft> &events, QSqlQuery &rows);
        Status finish();
        int appended() const { return m_appended; }

    private:
        Database &m_database;
        bool m_loaded = false;
        qint64 m_headSequence = 0;
        qint64 m_startSequence = 0;
        QString m_headHash;
        int m_appended = 0;
    };

    // One event, in a transaction of its own.
    static Result<qint64> record(Database &database, const QString &reference, const QString &user,
                                 const QDateTime &at, AuditKind kind, const QJsonObject &payload);
    // One event inside the caller's write transaction (an account change with the change itself).
    static Result<qint64> appendOne(Database &database,
                                    const QString &reference,
                                    const QString &user,
                                    const QDateTime &at,
                                    AuditKind kind,
                                    const QJsonObject &payload);

    struct Verification
    {
        bool intact = false;
        qint64 events = 0; // walked: all of them, or those after the start
        qint64 headSequence = 0;
        QString headHash;
        qint64 brokenAt = 0;  // the first sequence number at fault
        QString problem;      // what differs, in words
    };
    // Where a walk starts: the genesis, or an event verified before (a checkpoint, issue 21) whose stored hash must
    // still be the one verified then.
    struct Start
    {
        qint64 sequence = 0;
        QString hash;
    };
    // Walks the chain from the first event (or from `from`) to the head row. (AuditVerifier adds the referrals'
    // states.) `events` counts the events walked.
    static Result<Verification> verifyChain(Database &database, const Start &from);
    static Result<Verification> verifyChain(Database &database) { return verifyChain(database, Start{}); }

    static Result<QList<AuditEvent>> forReferral(Database &database, const QString &reference);

    static QString hashOf(qint64 sequence, const QString &reference, const QString &user, const QString &at,
                          const QString &kind, const QString &payload, const QString &previousHash);
};

} // namespace FrontDoor
