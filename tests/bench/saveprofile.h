#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QTextStream>

struct sqlite3;

// Issue 21: where a save's time goes. SQLite's profile trace times each statement of each save (its SQL text with
// placeholders — never a value); the slowest 1% of saves are then set beside the median ones, statement by
// statement, with what is left for Front Door's own work (JSON, hashing, building the rows) outside SQLite.
class SaveProfile
{
public:
    void attach(sqlite3 *db);
    void detach();
    void beginSave();
    void endSave(qint64 totalNsecs);
    void report(QTextStream &out) const;

private:
    struct Save
    {
        qint64 total = 0;
        int index = 0;
        int pages = 0;                      // pages the save wrote to the log (SQLITE_DBSTATUS_CACHE_WRITE)
        QHash<QString, qint64> byStatement; // nanoseconds
    };
    static int traced(unsigned type, void *context, void *statement, void *nsecs);

    sqlite3 *m_db = nullptr;
    QElapsedTimer m_clock;
    QHash<void *, qint64> m_started; // a statement's start, by its handle
    QList<Save> m_saves;
    Save m_current;
    bool m_inSave = false;
};
