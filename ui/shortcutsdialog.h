#pragma once

#include <QDialog>

namespace FrontDoor {

// Help › Keyboard shortcuts (F1): every key of the window, from the one table in keys.h — all of it readable at once
// on a 1366×768 screen, one line a key (issue 18: rows were sized before the table had its width, three lines tall).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

} // namespace FrontDoor
