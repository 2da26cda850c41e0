#pragma once

#include "store/accounts.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace FrontDoor {

class NewAccountForm;

// An administrator's accounts: the list, and a form to create one (issue 5).
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    AccountsDialog(Accounts &accounts, Actor administrator, QWidget *parent = nullptr);

private:
    void refresh();
    void create();

    Accounts &m_accounts; // not owned
    Actor m_administrator;
    QListWidget *m_list = nullptr;
    NewAccountForm *m_form = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
