#pragma once

#include <QStringList>

class QWidget;

namespace FrontDoorTest {

// Issue 18: no keystroke may land where the person did not mean it. The keys a person can press in `window` as it
// is shown now — every mnemonic (Alt+letter) of its menu bar, visible buttons, labels with a buddy and tabs, and
// every live shortcut of its actions and QShortcuts — with one line per key claimed twice:
//   "Alt+R: menu “Referral” · label “Priority &rationale:”"
// Shortcuts scoped to one widget (a question's F7) may repeat among themselves, never a window-wide key.
QStringList keyClashes(QWidget &window);

} // namespace FrontDoorTest
