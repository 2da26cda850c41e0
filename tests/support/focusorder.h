#pragma once

#include <QStringList>

class QWidget;

namespace FrontDoorTest {

// Issue 18: Tab follows the order a person reads the window in. Presses Tab in `window` from where its cursor is,
// as a person would, round the whole chain, and compares each step with the widgets' positions on screen: a step
// goes back when it lands on a widget above the last one in the same column, or to its left on the same line. A
// cycle read in order goes back exactly once — where it wraps from the last stop to the first — so any further
// step back is named: "Tab from “Password” (120,180) goes back to “Role” (120,140)".
QStringList focusOrderProblems(QWidget &window, int mostStops = 250);

} // namespace FrontDoorTest
