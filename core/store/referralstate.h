#pragma once

#include "referral/referral.h"

#include <QJsonValue>
#include <QMap>

namespace FrontDoor {

// A referral as a flat map from field path to its value as compact JSON — "referrer.name", "children[c1].name",
// "conversations[v2]", "@status" — so that the audit trail can say which item changed from what to what, and
// the state the trail vouches for can be hashed. Paths match the rules' finding paths.
using FlatState = QMap<QString, QString>;

namespace ReferralState {

FlatState flatten(const Referral &referral);
// Paths whose value differs, was added or was removed, in path order.
QStringList changedPaths(const FlatState &before, const FlatState &after);
// SHA-256 (hex) over a canonical encoding of the whole state.
QString hash(const FlatState &state);
// The value at `path` as JSON, or null when absent.
QJsonValue valueAt(const FlatState &state, const QString &path);
QString encode(const QJsonValue &value);

} // namespace ReferralState
} // namespace FrontDoor
