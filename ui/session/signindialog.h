#pragma once

#include "store/accounts.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace FrontDoor {

// Sign-in: a name and a password. Wrong attempts say so beside the fields (never which part was wrong), clear the
// password and keep the name; the account waits after repeated failures (Accounts does the counting and auditing).
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // `note`, when given, is shown above the fields (training mode says how to sign in there).
    SignInDialog(Accounts &accounts, const QString &frontDoorName, QWidget *parent = nullptr,
                 const QString &note = {});

    const Account &account() const { return m_account; }

    void accept() override;

private:
    Accounts &m_accounts; // not owned
    Account m_account;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
