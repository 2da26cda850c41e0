#include "newpassworddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

NewPasswordDialog::NewPasswordDialog(const QString &accountId, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New password for %1").arg(accountId));
    setObjectName(QStringLiteral("newPasswordDialog"));
    const auto field = [this](const char *name, const QString &accessible) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_password = field("newPassword", tr("New password"));
    m_repeat = field("newPasswordAgain", tr("The same password again"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("newPasswordMessage"));
    m_message->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("New &password"), m_password);
    form->addRow(tr("The same password &again"), m_repeat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set password"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("setPasswordButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewPasswordDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewPasswordDialog::reject);

    auto *intro = new QLabel(tr("The person signs in with this password next time; their old one stops working now. "
                                "Tell it to them in person, never by email."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString NewPasswordDialog::password() const
{
    return m_password->text();
}

void NewPasswordDialog::refuse(const QString &why)
{
    m_message->setText(why);
    m_password->clear();
    m_repeat->clear();
    m_password->setFocus();
}

void NewPasswordDialog::check()
{
    if (m_password->text() != m_repeat->text())
        return refuse(tr("The two passwords are not the same."));
    emit chosen(m_password->text());
}

} // namespace FrontDoor
