#pragma once

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace FrontDoor {

// Shown once, when a new encrypted database is made (issue 20): the recovery key, what it is for, and who must keep
// it. It stays until the person says they have written it down — Escape or closing the window does not lose it.
class RecoveryKeyDialog : public QDialog
{
    Q_OBJECT

public:
    RecoveryKeyDialog(const QString &recoveryKey, const QString &databasePath, QWidget *parent = nullptr);
    void reject() override;

private:
    QCheckBox *m_writtenDown = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace FrontDoor
