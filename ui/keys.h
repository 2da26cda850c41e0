#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

namespace FrontDoor::Keys {

// Every keyboard shortcut of the window, declared once: the code binds these, and Help › Keyboard shortcuts lists
// the same table, so the list a call-handler reads can never drift from the keys that work.
inline const QKeySequence newReferral{Qt::CTRL | Qt::Key_N};
inline const QKeySequence home{Qt::ALT | Qt::Key_Home};
inline const QKeySequence queue{Qt::Key_F4};
inline const QKeySequence dashboard{Qt::Key_F3};
inline const QKeySequence lockNow{Qt::CTRL | Qt::Key_L};
inline const QKeySequence quit{Qt::CTRL | Qt::Key_Q};
inline const QKeySequence shortcutsHelp{Qt::Key_F1};
inline const QKeySequence submit{Qt::CTRL | Qt::Key_Return};
inline const QKeySequence submitKeypad{Qt::CTRL | Qt::Key_Enter};
inline const QKeySequence stepBack{Qt::Key_Escape};
inline const QKeySequence addChild{Qt::CTRL | Qt::SHIFT | Qt::Key_C};
inline const QKeySequence addAdult{Qt::CTRL | Qt::SHIFT | Qt::Key_A};
inline const QKeySequence nextSection{Qt::CTRL | Qt::Key_PageDown};
inline const QKeySequence previousSection{Qt::CTRL | Qt::Key_PageUp};
inline const QKeySequence stillToAsk{Qt::Key_F6};
inline const QKeySequence notKnown{Qt::Key_F7};
inline const QKeySequence declined{Qt::Key_F8};
inline const QKeySequence notAsked{Qt::Key_F9};
inline const QKeySequence printOrExport{Qt::CTRL | Qt::Key_P};
inline const QKeySequence exportQueue{Qt::CTRL | Qt::Key_E};

struct Described
{
    QString keys;  // as shown to the user, e.g. "Ctrl+N"
    QString what;
};

// The table shown under Help › Keyboard shortcuts, in the order a call meets them.
QList<Described> described();

} // namespace FrontDoor::Keys
