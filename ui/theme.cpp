#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace FrontDoor::Theme {

void apply(QApplication &app)
{
    // Fusion looks the same on every desktop, so the sheet's colours and the screenshots hold everywhere.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QFile sheet(QStringLiteral(":/style/frontdoor.qss"));
    if (sheet.open(QIODevice::ReadOnly | QIODevice::Text))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
    // The icon the desktop's menu shows (packaging/icons), and the desktop entry the window belongs to.
    QIcon icon;
    for (const int size : {32, 256})
        icon.addFile(QStringLiteral(":/icons/org.frontdoor.FrontDoor-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.frontdoor.FrontDoor"));
}

void setKind(QWidget *widget, QLatin1StringView kind)
{
    if (widget->property("kind").toString() == kind)
        return;
    widget->setProperty("kind", QString(kind));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace FrontDoor::Theme
