#pragma once

#include "store/accounts.h"

#include <QDialog>

#include <functional>

class QLabel;

namespace FrontDoor {

class NewAccountForm;

// First run, on an empty database: the administrator's account is created before anything else.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    // Makes the administrator's account: on this database, or (an encrypted one, issue 20) the database with it.
    using Create
        = std::function<Result<Account>(const QString &login, const QString &fullName, const QString &password)>;

    FirstRunDialog(Accounts &accounts, QWidget *parent = nullptr);
    explicit FirstRunDialog(Create create, QWidget *parent = nullptr);
    const Account &account() const { return m_account; }
    void accept() override;

private:
    Create m_create;
    Account m_account;
    NewAccountForm *m_form = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
