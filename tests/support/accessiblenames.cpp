#include "support/accessiblenames.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace FrontDoorTest {

int namedInputs(QWidget &root)
{
    int inputs = 0;
    for (QWidget *widget : root.findChildren<QWidget *>()) {
        const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                           || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractButton *>(widget)
                           || qobject_cast<QAbstractItemView *>(widget);
        // Hidden ones too (conditions may show them), but not a list's own pop-up, which is a window of its own.
        if (!input || !(widget->focusPolicy() & Qt::TabFocus) || widget->window() != root.window())
            continue;
        ++inputs;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        REQUIRE(accessible);
        INFO(widget->objectName().toStdString() << " (" << widget->metaObject()->className() << ")");
        CHECK_FALSE(accessible->text(QAccessible::Name).trimmed().isEmpty());
    }
    return inputs;
}

} // namespace FrontDoorTest
