#pragma once

#include "store/accounts.h"

#include <QDialog>

class QLabel;

namespace FrontDoor {

class NewAccountForm;

// First run, on an empty database: the administrator's account is created before anything else.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    FirstRunDialog(Accounts &accounts, QWidget *parent = nullptr);
    const Account &account() const { return m_account; }
    void accept() override;

private:
    Accounts &m_accounts; // not owned
    Account m_account;
    NewAccountForm *m_form = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
