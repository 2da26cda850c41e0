#pragma once

#include <QString>

namespace FrontDoorTest {

// The folder tests/ in the source tree (fixtures live under it).
QString sourceDir();
// The built frontdoor executable, for tests that drive the command line.
QString executable();
// Reads a whole file as UTF-8; empty when it cannot be read.
QString readText(const QString &path);

} // namespace FrontDoorTest
