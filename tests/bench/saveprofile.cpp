#include "saveprofile.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <tuple>

void SaveProfile::attach(sqlite3 *db)
{
    m_db = db;
    m_clock.start();
    if (m_db)
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, &SaveProfile::traced, this);
}

void SaveProfile::detach()
{
    if (m_db)
        sqlite3_trace_v2(m_db, 0, nullptr, nullptr);
    m_db = nullptr;
}

int SaveProfile::traced(unsigned type, void *context, void *statement, void *)
{
    // Timed here, in nanoseconds: SQLite's own profile figure comes from a millisecond clock.
    auto *self = static_cast<SaveProfile *>(context);
    if (!self->m_inSave)
        return 0;
    if (type == SQLITE_TRACE_STMT) {
        self->m_started.insert(statement, self->m_clock.nsecsElapsed());
        return 0;
    }
    if (type != SQLITE_TRACE_PROFILE)
        return 0;
    const qint64 took = self->m_clock.nsecsElapsed() - self->m_started.value(statement, self->m_clock.nsecsElapsed());
    // The statement as written in the catalog, placeholders and all: no value typed by anyone.
    QString sql = QString::fromUtf8(sqlite3_sql(static_cast<sqlite3_stmt *>(statement))).simplified();
    if (sql.size() > 70)
        sql = sql.left(67) + QStringLiteral("...");
    self->m_current.byStatement[sql] += took;
    return 0;
}

void SaveProfile::beginSave()
{
    m_current = {};
    m_inSave = true;
    int current = 0, highest = 0;
    if (m_db)
        sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, 1); // from zero for this save
}

void SaveProfile::endSave(qint64 totalNsecs)
{
    m_inSave = false;
    int highest = 0;
    if (m_db)
        sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_WRITE, &m_current.pages, &highest, 1);
    m_current.total = totalNsecs;
    m_current.index = int(m_saves.size());
    m_saves.append(m_current);
}

void SaveProfile::report(QTextStream &out) const
{
    if (m_saves.size() < 100)
        return;
    QList<Save> sorted = m_saves;
    std::sort(sorted.begin(), sorted.end(), [](const Save &a, const Save &b) { return a.total < b.total; });
    const qsizetype slowest = std::max<qsizetype>(1, sorted.size() / 100);
    const QList<Save> top = sorted.mid(sorted.size() - slowest);
    const QList<Save> middle = sorted.mid(sorted.size() / 2 - slowest / 2, slowest);
    const auto mean = [](const QList<Save> &saves) {
        std::map<QString, double> ms;
        double total = 0;
        double pages = 0;
        for (const Save &s : saves) {
            total += double(s.total) / 1e6;
            pages += s.pages;
            for (auto it = s.byStatement.cbegin(); it != s.byStatement.cend(); ++it)
                ms[it.key()] += double(it.value()) / 1e6;
        }
        for (auto &[sql, value] : ms)
            value /= double(saves.size());
        return std::make_tuple(total / double(saves.size()), ms, pages / double(saves.size()));
    };
    const auto [topTotal, topBy, topPages] = mean(top);
    const auto [midTotal, midBy, midPages] = mean(middle);
    std::vector<std::pair<double, QString>> order;
    for (const auto &[sql, value] : topBy)
        order.emplace_back(value, sql);
    for (const auto &[sql, value] : midBy)
        if (!topBy.count(sql))
            order.emplace_back(0.0, sql);
    std::sort(order.rbegin(), order.rend());
    double topInSqlite = 0, midInSqlite = 0;
    for (const auto &[sql, value] : topBy)
        topInSqlite += value;
    for (const auto &[sql, value] : midBy)
        midInSqlite += value;

    out << QStringLiteral("\nWhere a save's time goes (SQLite's profile trace; mean ms of the slowest %1 saves, the p99, "
                          "beside %1 median ones)\n")
               .arg(slowest);
    out << QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("statement"), -72).arg(QStringLiteral("p99"), 8).arg(QStringLiteral("p50"), 8);
    for (const auto &[value, sql] : order) {
        const auto mid = midBy.find(sql);
        out << QStringLiteral("%1 %2 %3\n")
                   .arg(sql, -72)
                   .arg(value, 8, 'f', 3)
                   .arg(mid == midBy.end() ? 0.0 : mid->second, 8, 'f', 3);
    }
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("outside SQLite (JSON, hashes, rows built, Qt Sql)"), -72)
               .arg(topTotal - topInSqlite, 8, 'f', 3)
               .arg(midTotal - midInSqlite, 8, 'f', 3);
    QStringList which;
    for (const Save &save : top) {
        qint64 inSqlite = 0;
        for (const qint64 ns : save.byStatement)
            inSqlite += ns;
        which.append(QStringLiteral("#%1 %2/%3 ms %4p")
                         .arg(save.index)
                         .arg(double(save.total) / 1e6, 0, 'f', 1)
                         .arg(double(save.total - inSqlite) / 1e6, 0, 'f', 1)
                         .arg(save.pages));
    }
    out << QStringLiteral("%1 %2\n")
               .arg(QStringLiteral("the slowest saves: #which of 600, whole/outside SQLite, pages"), -72)
               .arg(which.join(u' '));
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("pages written to the log"), -72)
               .arg(topPages, 8, 'f', 1)
               .arg(midPages, 8, 'f', 1);
    out << QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("the whole save"), -72).arg(topTotal, 8, 'f', 3).arg(midTotal, 8, 'f', 3);
}
