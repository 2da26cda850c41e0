#pragma once

#include <QString>

namespace FrontDoor {

// "1 requirement", "2 requirements": real plurals in the English the window speaks (issue 18), where "%n item(s)"
// would need a translation file to read as English. `one` and `many` are already translated phrases.
inline QString counted(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%L1 %2").arg(n).arg(n == 1 ? one : many); // 611,032 in an English locale
}

} // namespace FrontDoor
