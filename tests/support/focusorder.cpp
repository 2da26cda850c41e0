#include "focusorder.h"

#include <QAccessible>
#include <QApplication>
#include <QPointer>
#include <QScrollArea>
#include <QTest>
#include <QWidget>

namespace FrontDoorTest {

namespace {

struct Stop
{
    QPointer<QWidget> widget; // a step may rebuild what it leaves
    QRect at;                 // in the window's coordinates
};

QString nameOf(QWidget *widget)
{
    if (!widget)
        return QStringLiteral("(a widget since removed)");
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    QString name = accessible ? accessible->text(QAccessible::Name) : QString();
    if (name.isEmpty())
        name = widget->objectName();
    return QStringLiteral("“%1” (%2)").arg(name.left(60), QString::fromLatin1(widget->metaObject()->className()));
}

// Where a widget sits in the window as laid out, whatever a scroll area has scrolled to reach it (Tab scrolls).
QRect placeOf(QWidget *widget, QWidget &window)
{
    for (QWidget *up = widget->parentWidget(); up && up != &window; up = up->parentWidget())
        if (auto *scroll = qobject_cast<QScrollArea *>(up);
            scroll && scroll->widget() && scroll->widget()->isAncestorOf(widget))
            return QRect(widget->mapTo(scroll->widget(), QPoint(0, 0))
                             + scroll->viewport()->mapTo(&window, QPoint(0, 0)),
                         widget->size());
    return QRect(widget->mapTo(&window, QPoint(0, 0)), widget->size());
}

// Whether going from `from` to `to` reads backwards: up within a column, or left along a line.
bool goesBack(const QRect &from, const QRect &to)
{
    const int overlapY = std::min(from.bottom(), to.bottom()) - std::max(from.top(), to.top());
    const bool sameLine = overlapY > std::min(from.height(), to.height()) / 2;
    if (sameLine)
        return to.left() < from.left();
    const int overlapX = std::min(from.right(), to.right()) - std::max(from.left(), to.left());
    const bool sameColumn = overlapX > 0;
    if (sameColumn)
        return to.top() < from.top();
    // Another column: onwards is to the right, or down to a new band of the window.
    return to.left() < from.left() && to.top() < from.bottom();
}

} // namespace

QStringList focusOrderProblems(QWidget &window, int mostStops)
{
    QWidget *first = QApplication::focusWidget();
    if (!first || first->window() != &window) {
        // Where the window keeps its cursor (a dialog's chosen first field); the offscreen platform does not always
        // hand it over on activation as a window manager would.
        QApplication::setActiveWindow(&window);
        if (QWidget *own = window.focusWidget())
            own->setFocus(Qt::ActiveWindowFocusReason);
        else
            QTest::keyClick(&window, Qt::Key_Tab);
        first = QApplication::focusWidget();
    }
    if (!first || first->window() != &window)
        return {QStringLiteral("nothing in the window takes the cursor (it is on %1)")
                    .arg(first ? nameOf(first) + QStringLiteral(" in ") + nameOf(first->window())
                               : QStringLiteral("nothing"))};
    QList<Stop> stops;
    for (int i = 0; i < mostStops; ++i) {
        QWidget *at = QApplication::focusWidget();
        if (!at)
            return {QStringLiteral("Tab from %1 leaves the cursor nowhere").arg(nameOf(stops.constLast().widget))};
        if (i > 0 && at == first)
            break;
        if (at->window() != &window)
            return {QStringLiteral("Tab from %1 leaves the window").arg(nameOf(stops.constLast().widget))};
        stops.append({at, placeOf(at, window)});
        QTest::keyClick(at, Qt::Key_Tab);
    }
    QStringList backwards;
    for (qsizetype i = 0; i < stops.size(); ++i) {
        const Stop &from = stops.at(i);
        const Stop &to = stops.at((i + 1) % stops.size());
        if (goesBack(from.at, to.at))
            backwards.append(QStringLiteral("Tab from %1 (%2,%3) goes back to %4 (%5,%6)")
                                 .arg(nameOf(from.widget))
                                 .arg(from.at.left())
                                 .arg(from.at.top())
                                 .arg(nameOf(to.widget))
                                 .arg(to.at.left())
                                 .arg(to.at.top()));
    }
    // Once is the wrap from the last stop to the first.
    return backwards.size() <= 1 ? QStringList() : backwards;
}

} // namespace FrontDoorTest
