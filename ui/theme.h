#pragma once

#include <QString>

class QApplication;
class QWidget;

namespace FrontDoor::Theme {

// Front Door's one visual style: resources/style/frontdoor.qss, compiled into the program. The app and the GUI
// tests apply the same sheet, so what a test drives is what a call-handler sees.
void apply(QApplication &app);

// Gives a widget the style "kind" the sheet picks it by (e.g. "guidance", "checkProblem") and repolishes it, so a
// kind that changes at run time (saved → failed) is redrawn at once.
void setKind(QWidget *widget, const QString &kind);

} // namespace FrontDoor::Theme
