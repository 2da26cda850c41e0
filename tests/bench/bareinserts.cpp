#include "bareinserts.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <sqlite3.h>

BareInserts::BareInserts(const QString &path)
{
    sqlite3_open(path.toUtf8().constData(), &m_db);
    sqlite3_exec(m_db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT)",
                 nullptr,
                 nullptr,
                 nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO t (doc) VALUES (?)", -1, &m_insert, nullptr);
}

BareInserts::~BareInserts()
{
    sqlite3_finalize(m_insert);
    sqlite3_close(m_db);
}

qint64 BareInserts::one(int payloadBytes)
{
    const QByteArray payload(payloadBytes, 'x');
    QElapsedTimer timer;
    timer.start();
    sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(m_insert, 1, payload.constData(), int(payload.size()), SQLITE_STATIC);
    const int stepped = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    const int committed = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    const qint64 took = timer.nsecsElapsed();
    return stepped == SQLITE_DONE && committed == SQLITE_OK ? took : -1;
}
