#pragma once

#include "common/result.h"
#include "profile/profile.h"

#include <QJsonObject>

namespace FrontDoor::ProfileParser {

// Reads a profile's JSON strictly: every key known, every value of its kind, every reference (option lists,
// conditions, procedure IDs) resolved, and the option values the core's rules rely on offered. The error names
// `source` and the place ("sections[3].questions[2].options: …"). ProfileLoader finds the file; this reads it.
Result<Profile> parse(const QJsonObject &root, const QString &source);

} // namespace FrontDoor::ProfileParser
