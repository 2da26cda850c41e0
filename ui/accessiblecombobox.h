#pragma once

namespace FrontDoor::AccessibleComboBox {

// Drop-down lists announced by their question (issue 18). On Linux Qt's own accessible combo box gives its current
// text as its name ("— choose —") and leaves the question to a label relation many readers do not follow; every
// QComboBox with an accessible name is given an interface whose name is that name and whose value is the choice.
// Call once, after the QApplication exists (the window's main and the widget tests' main).
void install();

} // namespace FrontDoor::AccessibleComboBox
