#pragma once

#include <catch2/catch.hpp>

#include <QLabel>
#include <QTest>

namespace FrontDoorTest {

// A dialog opened as a person opens it — `key` with `modifiers` on `owner` — found among the owner's children and
// made the active window, as a window manager does with a new dialog (the offscreen platform has none).
template<typename Dialog>
Dialog &openedBy(QWidget &owner, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(&owner, key, modifiers);
    auto *dialog = owner.findChild<Dialog *>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    dialog->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(dialog));
    return *dialog;
}

// Alt+`key` on a dialog's button, delivered through its window as the platform delivers keys (mnemonics are matched
// there, not on a widget). A mnemonic "animates" the click, so the work is done a moment later: waits until
// `result` (the line the dialog reports on) says something, and returns what it says.
inline QString pressMnemonic(QWidget &dialog, Qt::Key key, QLabel &result)
{
    result.clear();
    QTest::keyClick(dialog.windowHandle(), key, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&result] { return !result.text().isEmpty(); }, 5000));
    return result.text();
}

} // namespace FrontDoorTest
