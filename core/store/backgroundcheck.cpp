#include "store/backgroundcheck.h"

#include "store/database.h"
#include "store/interruption.h"
#include "store/readconnection.h"

#include <QThread>

#include <sqlite3.h>

namespace FrontDoor {

namespace IntegrityCheck {

namespace {

Verdict fromCode(sqlite3 *db, int rc)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    const int extended = sqlite3_extended_errcode(db);
    if (rc == SQLITE_INTERRUPT || extended == SQLITE_IOERR_AUTH) // stopped, or the key put away mid-check
        return {Outcome::Interrupted, message};
    if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || extended == SQLITE_IOERR_DATA) // IOERR_DATA: a seal refused
        return {Outcome::Damaged, message};
    return {Outcome::CouldNotRun, message};
}

} // namespace

Verdict run(const QString &path, const std::shared_ptr<const SealingKey> &key, Interruption *interruption)
{
    ReadConnection c;
    if (const int rc = c.open(path, key, interruption); rc != SQLITE_OK)
        return fromCode(c.handle(), rc);

    for (const char *sql : {"PRAGMA quick_check", "PRAGMA foreign_key_check"}) {
        if (interruption && interruption->stopped())
            return {Outcome::Interrupted, QStringLiteral("stopped")};
        sqlite3_stmt *statement = nullptr;
        if (const int rc = sqlite3_prepare_v2(c.handle(), sql, -1, &statement, nullptr); rc != SQLITE_OK)
            return fromCode(c.handle(), rc);
        const int rc = sqlite3_step(statement);
        const QString first = rc == SQLITE_ROW
                                  ? QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)))
                                  : QString();
        sqlite3_finalize(statement);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return fromCode(c.handle(), rc);
        const bool quick = sql[7] == 'q';
        if (quick && first != QLatin1String("ok"))
            return {Outcome::Damaged, QStringLiteral("SQLite's check says \"%1\"").arg(first)};
        if (!quick && rc == SQLITE_ROW)
            return {Outcome::Damaged, QStringLiteral("rows of \"%1\" refer to rows that do not exist").arg(first)};
    }
    return {Outcome::Passed, {}};
}

} // namespace IntegrityCheck

BackgroundCheck::BackgroundCheck(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_key(database.sealingKey())
{
}

BackgroundCheck::~BackgroundCheck()
{
    pause();
}

void BackgroundCheck::start()
{
    if (m_state == State::Running || m_state == State::Passed || m_state == State::Failed)
        return;
    if (m_key && m_key->isStowed())
        return; // the screen is locked: started again at the unlock
    m_state = State::Running;
    const QString path = m_database.path();
    // The check's own copy of the key, made here on the store's thread: the store's is wiped when the screen locks.
    const std::shared_ptr<const SealingKey> key = m_key ? m_key->forFile(m_key->fileId()) : nullptr;
    if (m_key && !key)
        return;
    const int run = ++m_run;
    m_interruption = std::make_shared<Interruption>();
    m_thread = QThread::create([this, path, key, run, interruption = m_interruption] {
        const IntegrityCheck::Verdict verdict = IntegrityCheck::run(path, key, interruption.get());
        QMetaObject::invokeMethod(
            this, [this, verdict, run] { finished(run, int(verdict.outcome), verdict.detail); }, Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority); // the call-handler's typing comes first
}

void BackgroundCheck::pause()
{
    if (!m_thread)
        return;
    // Interrupt until the thread is gone: SQLite forgets an interrupt that came between two statements.
    while (!m_thread->wait(20))
        m_interruption->stop();
    delete m_thread;
    m_thread = nullptr;
    ++m_run; // whatever that run found is not waited for: the next start() checks again from the beginning
    if (m_state == State::Running)
        m_state = State::Paused;
}

void BackgroundCheck::finished(int run, int outcome, const QString &detail)
{
    if (run != m_run)
        return; // a run paused since
    if (m_thread) {
        m_thread->wait(); // it has posted its verdict: only its last instructions remain
        delete m_thread;
        m_thread = nullptr;
    }
    switch (IntegrityCheck::Outcome(outcome)) {
    case IntegrityCheck::Outcome::Passed:
        m_state = State::Passed;
        emit passed();
        return;
    case IntegrityCheck::Outcome::Interrupted:
        m_state = State::Paused; // start() again when the screen unlocks
        return;
    case IntegrityCheck::Outcome::Damaged:
        m_failure = QStringLiteral("%1 is damaged: %2.").arg(m_database.path(), detail);
        break;
    case IntegrityCheck::Outcome::CouldNotRun:
        m_failure = QStringLiteral("%1 could not be checked for damage: %2.").arg(m_database.path(), detail);
        break;
    }
    m_state = State::Failed;
    m_database.refuseWrites(m_failure);
    emit failed(m_failure);
}

} // namespace FrontDoor
