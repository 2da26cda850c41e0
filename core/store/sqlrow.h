#pragma once

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace FrontDoor {

// A result row read by column name, not by position (as qBittorrent reads its resume data): a SELECT can gain or
// reorder columns without a reader silently taking the wrong one. A name the query does not return is a
// programming error: it reads as null, and the tests that read every column catch it.
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery &query) : m_query(query), m_record(query.record()) {}

    QVariant operator[](QLatin1StringView column) const { return m_query.value(m_record.indexOf(column)); }

private:
    const QSqlQuery &m_query; // not owned: the query whose current row is read
    QSqlRecord m_record;      // the columns, looked up once per query
};

} // namespace FrontDoor
