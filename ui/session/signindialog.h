#pragma once

#include "store/accounts.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace FrontDoor {

// Sign-in: a name and a password. Wrong attempts say so beside the fields (never which part was wrong), clear the
// password and keep the name; the account waits after repeated failures (Accounts does the counting and auditing).
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // Checks a name and password: this workstation's accounts, or in team mode the server (signInToTeam).
    using Authenticate = std::function<Result<Account>(const QString &name, const QString &password)>;

    // `note`, when given, is shown above the fields (training mode says how to sign in there).
    SignInDialog(Accounts &accounts, const QString &frontDoorName, QWidget *parent = nullptr,
                 const QString &note = {});
    SignInDialog(Authenticate authenticate,
                 const QString &frontDoorName,
                 QWidget *parent = nullptr,
                 const QString &note = {});

    const Account &account() const { return m_account; }

    void accept() override;

private:
    Authenticate m_authenticate;
    Account m_account;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
