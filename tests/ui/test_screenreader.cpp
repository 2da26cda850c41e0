// What a screen reader announces (issue 18): every drop-down list by its question, never by its current value
// ("— choose —"), and no Tab stop without a name — in the editor as a call-handler Tabs through it.

#include <catch2/catch.hpp>

#include "showneditor.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QString announced(QWidget *widget, QAccessible::Text what = QAccessible::Name)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(what) : QString();
}

QString describe(QWidget *widget)
{
    return widget ? QStringLiteral("%1 \"%2\" (%3)")
                        .arg(QString::fromLatin1(widget->metaObject()->className()),
                             widget->objectName(),
                             announced(widget))
                  : QStringLiteral("nothing");
}

} // namespace

TEST_CASE("Every drop-down list in the editor is announced by its question, its choice as the value", "[issue18]")
{
    StoreFixture f;
    ShownEditor shown(f);
    const QList<QComboBox *> combos = shown.editor.findChildren<QComboBox *>();
    REQUIRE(combos.size() >= 3);
    for (QComboBox *combo : combos) {
        INFO(describe(combo).toStdString());
        CHECK_FALSE(announced(combo).isEmpty());
        CHECK(announced(combo) != combo->currentText());
        CHECK(announced(combo) == combo->accessibleName());
        CHECK(announced(combo, QAccessible::Value) == combo->currentText());
    }
}

TEST_CASE("No Tab stop in any section of the editor is without a name", "[issue18]")
{
    StoreFixture f;
    ShownEditor shown(f);
    auto *sections = shown.editor.findChild<QListWidget *>(QStringLiteral("sectionList"));
    REQUIRE(sections);
    sections->setFocus(Qt::TabFocusReason);
    int visited = 0;
    for (int row = 0; row < sections->count(); ++row) {
        QTest::keyClick(sections, row == 0 ? Qt::Key_Home : Qt::Key_Down); // as a person moves down the sections
        REQUIRE(sections->currentRow() == row);
        QStringList stops;
        for (int i = 0; i < 400; ++i) { // round the window once, from the list of sections back to it
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *at = QApplication::focusWidget();
            REQUIRE(at);
            if (at == sections)
                break;
            stops.append(describe(at));
            INFO(stops.join(u'\n').toStdString());
            CHECK_FALSE(announced(at).trimmed().isEmpty());
            ++visited;
        }
        CHECK(QApplication::focusWidget() == sections);
    }
    CHECK(visited > 3 * sections->count());
}
