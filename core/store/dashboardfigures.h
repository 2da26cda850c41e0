#pragma once

#include "access/actor.h"
#include "common/result.h"

#include <QDate>
#include <QList>
#include <QPair>

namespace FrontDoor {

class Database;

// The figures a front-door manager opens on Monday morning (issue 7): contacts per day over the last weeks, the
// mix of outcomes, the overdue follow-up actions by kind, and the median time from a call to its signed decision.
// Counts only — nothing that names a child or a caller — and for supervisors only.
struct DashboardFigures
{
    QList<QPair<QDate, int>> contactsPerDay; // every day of the period, zero where there were none
    QList<QPair<QString, int>> outcomes;     // outcome option value → children, most frequent first
    QList<QPair<QString, int>> overdue;      // action kind → open actions past their due time
    int decisions = 0;
    double medianHoursToDecision = 0;

    static Result<DashboardFigures> read(Database &database, const Actor &actor, const QString &profileId,
                                         const QDateTime &now, int days = 28);
};

} // namespace FrontDoor
