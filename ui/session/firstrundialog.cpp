#include "firstrundialog.h"

#include "theme.h"

#include "newaccountform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

FirstRunDialog::FirstRunDialog(Accounts &accounts, QWidget *parent)
    : FirstRunDialog(
        [&accounts](const QString &login, const QString &fullName, const QString &password) {
            return accounts.createFirstAdministrator(login, fullName, password);
        },
        parent)
{}

FirstRunDialog::FirstRunDialog(Create create, QWidget *parent)
    : QDialog(parent)
    , m_create(std::move(create))
{
    setWindowTitle(tr("Front Door — first run"));
    setObjectName(QStringLiteral("firstRunDialog"));
    auto *heading = new QLabel(tr("<h2>Create the administrator</h2>"
                                  "<p>This database has no accounts yet. The administrator creates the accounts of "
                                  "call-handlers and supervisors, and looks after backups. They do not see case "
                                  "records unless they also have a supervisor's account.</p>"),
                               this);
    heading->setWordWrap(true);
    m_form = new NewAccountForm(QStringLiteral("firstRun"), false, this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("firstRunMessage"));
    m_message->setWordWrap(true);
    Theme::setKind(m_message, Theme::Kind::checkProblem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create administrator"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void FirstRunDialog::accept()
{
    if (!m_form->passwordsMatch()) {
        m_message->setText(tr("The two passwords are not the same."));
        m_form->clearPasswords();
        return;
    }
    Result<Account> created = m_create(m_form->login(), m_form->fullName(), m_form->password());
    m_form->clearPasswords();
    if (!created) {
        m_message->setText(created.errorMessage());
        return;
    }
    m_account = *created;
    QDialog::accept();
}

} // namespace FrontDoor
