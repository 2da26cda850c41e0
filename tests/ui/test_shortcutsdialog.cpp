// Help › Keyboard shortcuts (F1), issue 18: the whole table readable at once on a 1366×768 screen — one line a key,
// not rows three lines tall that had to be scrolled one by one.

#include <catch2/catch.hpp>

#include "keys.h"
#include "shortcutsdialog.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QTest>

using namespace FrontDoor;

TEST_CASE("F1's table shows every key on one line each, all of it without scrolling", "[issue18]")
{
    ShortcutsDialog dialog;
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.width() <= 1366);
    CHECK(dialog.height() <= 768);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    REQUIRE(table);
    REQUIRE(table->rowCount() == Keys::described().size());
    const int line = table->fontMetrics().height();
    const int oneLine = table->verticalHeader()->minimumSectionSize() + line; // a line of text with its padding
    int total = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        INFO(table->item(row, 1)->text().toStdString());
        CHECK(table->rowHeight(row) <= oneLine);
        total += table->rowHeight(row);
    }
    CHECK(total <= table->viewport()->height());
}
