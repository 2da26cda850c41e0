#pragma once

#include <QString>

namespace FrontDoor {

// Search keys for names: case- and accent-insensitive ("Zoë" and "ZOE" both fold to "zoe"). Names themselves
// are stored exactly as typed; only comparisons fold.
QString foldForSearch(const QString &text);

} // namespace FrontDoor
