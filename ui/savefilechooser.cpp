#include "savefilechooser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace FrontDoor {

QString chooseFileToSave(const QString &suggested, const QString &filter, QWidget *parent)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(parent, QCoreApplication::translate("SaveFileChooser", "Save as"),
                                        QDir(folder).filePath(suggested), filter);
}

} // namespace FrontDoor
