#include "newaccountform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace FrontDoor {

NewAccountForm::NewAccountForm(const QString &prefix, bool chooseRole, QWidget *parent) : QWidget(parent)
{
    const auto field = [this, &prefix](const char *name, const QString &accessible) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(prefix + QLatin1String(name));
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_login = field("Login", tr("Sign-in name"));
    m_login->setPlaceholderText(tr("e.g. priya.shah"));
    m_fullName = field("FullName", tr("Full name"));
    m_password = field("Password", tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 12 characters — a short sentence works well"));
    m_repeat = field("Repeat", tr("Password again"));
    m_repeat->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Sign-in &name"), m_login);
    form->addRow(tr("&Full name"), m_fullName);
    if (chooseRole) {
        m_role = new QComboBox(this);
        m_role->setObjectName(prefix + QStringLiteral("Role"));
        m_role->setAccessibleName(tr("Role"));
        for (Role role : {Role::CallHandler, Role::Supervisor, Role::Administrator})
            m_role->addItem(roleDisplayName(role), roleName(role));
        form->addRow(tr("&Role"), m_role);
        setTabOrder(m_fullName, m_role); // Role is shown above the password: Tab reaches it there too (issue 18)
        setTabOrder(m_role, m_password);
    }
    form->addRow(tr("&Password"), m_password);
    form->addRow(tr("Password &again"), m_repeat);
}

QString NewAccountForm::login() const { return m_login->text(); }
QString NewAccountForm::fullName() const { return m_fullName->text(); }

Role NewAccountForm::role() const
{
    return m_role ? roleFromName(m_role->currentData().toString()).value_or(Role::CallHandler) : Role::Administrator;
}

QString NewAccountForm::password() const { return m_password->text(); }
bool NewAccountForm::passwordsMatch() const { return m_password->text() == m_repeat->text(); }

void NewAccountForm::clearPasswords()
{
    m_password->clear();
    m_repeat->clear();
}

void NewAccountForm::clear()
{
    m_login->clear();
    m_fullName->clear();
    if (m_role)
        m_role->setCurrentIndex(0); // the next account starts from the least power, not the last one's role
    clearPasswords();
    m_login->setFocus();
}

void NewAccountForm::focusPassword()
{
    m_password->setFocus();
}

void NewAccountForm::focusLogin()
{
    m_login->setFocus();
    m_login->selectAll();
}

} // namespace FrontDoor
