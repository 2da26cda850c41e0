#pragma once

#include "access/role.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace FrontDoor {

// The fields of a new account — sign-in name, full name, role, password twice — shared by the first-run dialog
// and the administrator's accounts dialog. Object names carry `prefix` so tests can find each field.
class NewAccountForm : public QWidget
{
    Q_OBJECT

public:
    NewAccountForm(const QString &prefix, bool chooseRole, QWidget *parent = nullptr);

    QString login() const;
    QString fullName() const;
    Role role() const;
    QString password() const;
    bool passwordsMatch() const;
    void clearPasswords();
    void clear();
    // Back to the field at fault after a refusal (issue 18): the password, or the sign-in name.
    void focusPassword();
    void focusLogin();

private:
    QLineEdit *m_login = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
};

} // namespace FrontDoor
