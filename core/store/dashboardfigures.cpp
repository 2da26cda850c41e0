#include "dashboardfigures.h"

#include "access/permissions.h"
#include "store/database.h"
#include "store/storedtime.h"

#include <QSqlQuery>

#include <algorithm>

namespace FrontDoor {

namespace {

Result<QList<QPair<QString, int>>> counted(Database &database, const QString &key, const QVariantMap &values)
{
    Result<QSqlQuery *> rows = database.exec(key, values);
    if (!rows)
        return rows.error();
    QList<QPair<QString, int>> counts;
    while ((*rows)->next())
        counts.append({(*rows)->value(0).toString(), (*rows)->value(1).toInt()});
    (*rows)->finish();
    return counts;
}

} // namespace

Result<DashboardFigures> DashboardFigures::read(Database &database, const Actor &actor, const QString &profileId,
                                                const QDateTime &now, int days)
{
    if (!isAllowed(actor.role, Operation::ViewAnyReferral))
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("The dashboard is for supervisors."));
    const QDate first = now.toUTC().date().addDays(-(days - 1));
    const QVariantMap period{{QStringLiteral("from"), StoredTime::text(first.startOfDay(Qt::UTC))},
                             {QStringLiteral("profile"), profileId}};
    DashboardFigures figures;

    Result<QList<QPair<QString, int>>> perDay = counted(database, QStringLiteral("dashboard.contactsPerDay"), period);
    if (!perDay)
        return perDay.error();
    for (QDate day = first; day <= now.toUTC().date(); day = day.addDays(1)) {
        const auto found = std::find_if(perDay->cbegin(), perDay->cend(), [&day](const QPair<QString, int> &row) {
            return row.first == day.toString(Qt::ISODate);
        });
        figures.contactsPerDay.append({day, found == perDay->cend() ? 0 : found->second});
    }

    Result<QList<QPair<QString, int>>> outcomes = counted(database, QStringLiteral("dashboard.outcomes"), period);
    if (!outcomes)
        return outcomes.error();
    figures.outcomes = *outcomes;

    Result<QList<QPair<QString, int>>> overdue = counted(
        database, QStringLiteral("dashboard.overdueActions"),
        {{QStringLiteral("now"), StoredTime::text(now)}, {QStringLiteral("profile"), profileId}});
    if (!overdue)
        return overdue.error();
    figures.overdue = *overdue;

    Result<QSqlQuery *> times = database.exec(QStringLiteral("dashboard.decisionTimes"), period);
    if (!times)
        return times.error();
    std::vector<double> hours;
    while ((*times)->next()) {
        const QDateTime received = StoredTime::parse((*times)->value(0));
        const QDateTime decided = StoredTime::parse((*times)->value(1));
        if (received.isValid() && decided.isValid())
            hours.push_back(double(received.msecsTo(decided)) / 3'600'000.0);
    }
    (*times)->finish();
    figures.decisions = int(hours.size());
    if (!hours.empty()) {
        std::sort(hours.begin(), hours.end());
        const size_t middle = hours.size() / 2;
        figures.medianHoursToDecision = hours.size() % 2 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
    }
    return figures;
}

} // namespace FrontDoor
