#pragma once

#include <QDialog>

namespace FrontDoor {

// Help › Keyboard shortcuts (F1): every key of the window, from the one table in keys.h.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

} // namespace FrontDoor
