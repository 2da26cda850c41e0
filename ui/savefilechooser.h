#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace FrontDoor {

// Asks where to save a file that leaves the building: `suggested` (a name that names no person) in the user's
// Documents folder to start with. Returns the chosen path, or empty when the person cancels. A dialog that saves
// holds one of these so a test can answer for the person; the default is Qt's save dialog.
using SaveFileChooser = std::function<QString(const QString &suggested, const QString &filter, QWidget *parent)>;
QString chooseFileToSave(const QString &suggested, const QString &filter, QWidget *parent);

} // namespace FrontDoor
