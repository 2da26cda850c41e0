#pragma once

#include <QStringList>

namespace FrontDoor::DataFolders {

// Where Front Door looks for data files that replace its built-in copies (profiles/<id>.json,
// calendar/england-and-wales-bank-holidays.json), the first that has the file winning:
//   1. the user's own data folder            ~/.local/share/FrontDoor/frontdoor
//   2. the system-wide data folders (XDG)     /usr/local/share/FrontDoor/frontdoor, /usr/share/FrontDoor/frontdoor
//   3. the package's own, beside the program  <prefix>/share/frontdoor (for /usr/bin/frontdoor: /usr/share/frontdoor)
// An IT department changes a profile or the calendar in 2 and never edits the package's files; the package's own are
// found wherever it is unpacked (a throw-away root, /opt), since they are found from the program's own folder.
QStringList searchOrder();
// The full path of `relative` in the first folder that has it; empty when none does (the built-in copy is used).
QString locate(const QString &relative);
// The package's own data folder: <folder of the program>/../share/frontdoor.
QString packageFolder();

} // namespace FrontDoor::DataFolders
