#pragma once

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVarLengthArray>
#include <QVariant>

#include <utility>

namespace FrontDoor {

// A result row read by column name, not by position (as qBittorrent reads its resume data): a SELECT can gain or
// reorder columns without a reader silently taking the wrong one. A name the query does not return is a
// programming error: it reads as null, and the tests that read every column catch it.
// Each name is looked up in the query's columns once; after that a row's read finds its position by the literal's
// address, so reading by name costs what reading by position did (bench_store's queue and possible-match figures).
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery &query)
        : m_query(query)
        , m_record(query.record())
    {}

    QVariant operator[](QLatin1StringView column) const
    {
        for (const auto &[name, index] : m_positions)
            if (name == column.data())
                return m_query.value(index);
        const int index = m_record.indexOf(column);
        m_positions.append({column.data(), index});
        return m_query.value(index);
    }

private:
    const QSqlQuery &m_query; // not owned: the query whose current row is read
    QSqlRecord m_record;      // the columns, read once per query
    mutable QVarLengthArray<std::pair<const char *, int>, 16> m_positions; // a name's literal → its column
};

} // namespace FrontDoor
