#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace FrontDoor {

// An administrator gives an account a new password, typed twice (issue 17: account management in the window
// matches `frontdoor user reset`). The password policy is the store's; this only asks.
class NewPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    NewPasswordDialog(const QString &accountId, QWidget *parent = nullptr);

    QString password() const;
    // What the store said (a policy the password does not meet): shown, both fields cleared, the dialog stays.
    void refuse(const QString &why);

signals:
    void chosen(const QString &password);

private:
    void check();

    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
