#include "queuecsv.h"

namespace FrontDoor::QueueCsv {

namespace {

QString cell(const ReferralSummary &row, const QString &column)
{
    if (column == QLatin1String("reference"))
        return row.reference;
    if (column == QLatin1String("profile"))
        return row.profileId;
    if (column == QLatin1String("received"))
        return row.callStartedAt.toUTC().toString(Qt::ISODate);
    if (column == QLatin1String("status"))
        return referralStatusName(row.status);
    if (column == QLatin1String("urgent"))
        return row.urgent ? QStringLiteral("yes") : QStringLiteral("no");
    if (column == QLatin1String("nextDue"))
        return row.nextDue.isValid() ? row.nextDue.toUTC().toString(Qt::ISODate) : QString();
    if (column == QLatin1String("handler"))
        return row.handler;
    if (column == QLatin1String("children"))
        return row.children;
    return {};
}

QString quoted(QString text)
{
    // No control character reaches a cell (issue 17): a tab or a line break inside a name becomes a space, and the
    // rest (escape sequences a terminal or spreadsheet might act on) are dropped.
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\t' || c == u'\n' || c == u'\r')
            text[i] = u' ';
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            text.remove(i, 1);
    }
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u'"') || text.contains(u','))
        return u'"' + text.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return text;
}

} // namespace

QStringList defaultColumns()
{
    return {QStringLiteral("reference"), QStringLiteral("profile"), QStringLiteral("received"),
            QStringLiteral("status"),    QStringLiteral("urgent"),  QStringLiteral("nextDue"),
            QStringLiteral("handler")};
}

QStringList knownColumns()
{
    return defaultColumns() << QStringLiteral("children");
}

Result<QByteArray> write(const QList<ReferralSummary> &rows, const QStringList &columns)
{
    for (const QString &column : columns)
        if (!knownColumns().contains(column))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a column of the queue; the columns "
                                                                     "are %2.")
                                                          .arg(column, knownColumns().join(QStringLiteral(", "))));
    QString text = columns.join(u',') + QStringLiteral("\r\n");
    for (const ReferralSummary &row : rows) {
        QStringList cells;
        for (const QString &column : columns)
            cells << quoted(cell(row, column));
        text += cells.join(u',') + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

} // namespace FrontDoor::QueueCsv
