#include "accountsdialog.h"

#include "newaccountform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

AccountsDialog::AccountsDialog(Accounts &accounts, Actor administrator, QWidget *parent)
    : QDialog(parent), m_accounts(accounts), m_administrator(std::move(administrator))
{
    setWindowTitle(tr("Accounts"));
    setObjectName(QStringLiteral("accountsDialog"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountsList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_form = new NewAccountForm(QStringLiteral("newAccount"), true, this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    auto *createButton = new QPushButton(tr("&Create account"), this);
    createButton->setObjectName(QStringLiteral("createAccountButton"));
    createButton->setDefault(true);
    connect(createButton, &QPushButton::clicked, this, &AccountsDialog::create);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &AccountsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Accounts</b> (disabled accounts stay: the audit trail refers to them)"), this));
    layout->addWidget(m_list);
    layout->addWidget(new QLabel(tr("<b>New account</b>"), this));
    layout->addWidget(m_form);
    layout->addWidget(m_message);
    layout->addWidget(createButton);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    refresh();
}

void AccountsDialog::refresh()
{
    m_list->clear();
    Result<QList<Account>> all = m_accounts.list();
    if (!all) {
        m_message->setText(all.errorMessage());
        return;
    }
    for (const Account &account : *all)
        m_list->addItem(tr("%1 — %2 (%3)%4").arg(account.id, account.displayName, roleDisplayName(account.role),
                                                  account.disabled ? tr(", disabled") : QString()));
}

void AccountsDialog::create()
{
    if (!m_form->passwordsMatch()) {
        m_message->setText(tr("The two passwords are not the same."));
        m_form->clearPasswords();
        return;
    }
    Result<Account> created =
        m_accounts.create(m_administrator, m_form->login(), m_form->fullName(), m_form->role(), m_form->password());
    m_form->clearPasswords();
    if (!created) {
        m_message->setText(created.errorMessage());
        return;
    }
    m_message->setText(tr("Created %1 (%2).").arg(created->id, roleDisplayName(created->role)));
    m_form->clear();
    refresh();
}

} // namespace FrontDoor
