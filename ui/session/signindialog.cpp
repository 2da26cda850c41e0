#include "signindialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

SignInDialog::SignInDialog(Accounts &accounts, const QString &frontDoorName, QWidget *parent, const QString &note)
    : SignInDialog(
        [&accounts](const QString &name, const QString &password) { return accounts.signIn(name, password); },
        frontDoorName,
        parent,
        note)
{}

SignInDialog::SignInDialog(Authenticate authenticate,
                           const QString &frontDoorName,
                           QWidget *parent,
                           const QString &note)
    : QDialog(parent)
    , m_authenticate(std::move(authenticate))
{
    setWindowTitle(tr("Sign in — %1").arg(frontDoorName));
    setObjectName(QStringLiteral("signInDialog"));

    auto *heading = new QLabel(tr("<h2>Sign in to Front Door</h2><p>%1</p>").arg(frontDoorName.toHtmlEscaped()), this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("signInName"));
    m_name->setAccessibleName(tr("Sign-in name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    Theme::setKind(m_message, Theme::Kind::checkProblem);

    auto *notice = new QLabel(note, this);
    notice->setObjectName(QStringLiteral("signInNote"));
    notice->setWordWrap(true);
    Theme::setKind(notice, Theme::Kind::trainingBanner);
    notice->setVisible(!note.isEmpty());

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Password"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(notice);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_name->setFocus();
}

void SignInDialog::accept()
{
    Result<Account> signedIn = m_authenticate(m_name->text(), m_password->text());
    m_password->clear();
    if (!signedIn) {
        m_message->setText(signedIn.errorMessage());
        m_password->setFocus();
        return;
    }
    m_account = *signedIn;
    QDialog::accept();
}

} // namespace FrontDoor
