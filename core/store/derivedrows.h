#pragma once

#include "referral/referral.h"

#include <QStringList>

namespace FrontDoor {

// Everything the store keeps beside a referral's document, recomputed from the document alone: the queue's
// columns, the search entry, the known-child keys and the follow-up actions. The repository writes these; the
// verifier recomputes them and compares (issue 17), so nothing the queue, the filters or the permissions read can be
// changed behind Front Door's back unnoticed. Rows are encoded as text, one string per row, to compare as sets.
namespace DerivedRows {

struct Columns
{
    QString reference;
    QString profile;
    QString status;
    QString handler;
    QString callStartedAt;
    QString nextDue; // empty when no open action is due
    QString childrenSummary;
    QString searchText;
    int urgent = 0;

    bool operator==(const Columns &) const = default;
};
Columns columnsOf(const Referral &referral);
// Each column's name (a literal: SqlRow finds it by address) and value, for naming what differs.
QList<std::pair<const char *, QString>> named(const Columns &columns);

// One string per row, sorted: person_keys (person, kind, name, folded, keys, birth date and year) and actions.
QStringList personKeyRows(const Referral &referral);
QStringList actionRows(const Referral &referral);
// The same encoding for a row as read from the database, fields in the order above.
QString encodeRow(const QStringList &fields);

} // namespace DerivedRows
} // namespace FrontDoor
