#pragma once

class QWidget;

namespace FrontDoorTest {

// Every input Tab can reach in `root`'s window (line edits, text boxes, lists, combo boxes, buttons, hidden ones
// too) has a name a screen reader reads — checked one by one, naming the widget that fails; returns how many.
int namedInputs(QWidget &root);

} // namespace FrontDoorTest
