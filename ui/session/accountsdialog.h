#pragma once

#include "store/accounts.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace FrontDoor {

class NewAccountForm;

// An administrator's accounts: the list, what can be done to the one chosen — a new password, disable, enable again
// (issue 17: as `frontdoor user` can) — and a form to create one (issue 5). Every change is in the audit trail.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    AccountsDialog(Accounts &accounts, Actor administrator, QWidget *parent = nullptr);

private:
    void refresh();
    void create();
    void chosenChanged();
    std::optional<Account> chosen() const;
    void setDisabled(bool disabled);
    void resetPassword();

    Accounts &m_accounts; // not owned
    Actor m_administrator;
    QList<Account> m_all;
    QListWidget *m_list = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_enable = nullptr;
    NewAccountForm *m_form = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
