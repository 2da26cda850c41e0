#include "accountsdialog.h"

#include "newaccountform.h"
#include "newpassworddialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
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
    const auto action = [this](const QString &text, const char *name, auto slot) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        button->setEnabled(false); // until an account is chosen
        connect(button, &QPushButton::clicked, this, slot);
        return button;
    };
    m_reset = action(tr("New pass&word…"), "resetPasswordButton", [this] { resetPassword(); });
    m_disable = action(tr("&Disable"), "disableAccountButton", [this] { setDisabled(true); });
    m_enable = action(tr("&Enable again"), "enableAccountButton", [this] { setDisabled(false); });
    connect(m_list, &QListWidget::currentRowChanged, this, &AccountsDialog::chosenChanged);
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
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_reset, m_disable, m_enable})
        actions->addWidget(button);
    actions->addStretch();
    layout->addLayout(actions);
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
    const int row = m_list->currentRow();
    m_list->clear();
    Result<QList<Account>> all = m_accounts.list();
    if (!all) {
        m_all.clear();
        m_message->setText(all.errorMessage());
        return;
    }
    m_all = *all;
    for (const Account &account : m_all)
        m_list->addItem(tr("%1 — %2 (%3)%4").arg(account.id, account.displayName, roleDisplayName(account.role),
                                                  account.disabled ? tr(", disabled") : QString()));
    m_list->setCurrentRow(std::min(row, int(m_list->count()) - 1));
    chosenChanged();
}

std::optional<Account> AccountsDialog::chosen() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_all.size())
        return std::nullopt;
    return m_all.at(row);
}

void AccountsDialog::chosenChanged()
{
    const std::optional<Account> account = chosen();
    const bool own = account && account->id == Accounts::normalisedId(m_administrator.userId);
    m_reset->setEnabled(account.has_value());
    m_disable->setEnabled(account && !account->disabled && !own);
    m_enable->setEnabled(account && account->disabled);
}

void AccountsDialog::setDisabled(bool disabled)
{
    const std::optional<Account> account = chosen();
    if (!account)
        return;
    const Status done = disabled ? m_accounts.disable(m_administrator, account->id)
                                 : m_accounts.enable(m_administrator, account->id);
    m_message->setText(!done      ? done.errorMessage()
                       : disabled ? tr("Disabled %1: they can no longer sign in.").arg(account->id)
                       : m_accounts.wrapsKeys()
                           ? tr("Enabled %1 again. The database is encrypted and disabling took away their key: "
                                "reset their password so that they can sign in.")
                                 .arg(account->id)
                           : tr("Enabled %1 again.").arg(account->id));
    refresh();
    m_list->setFocus();
}

void AccountsDialog::resetPassword()
{
    const std::optional<Account> account = chosen();
    if (!account)
        return;
    auto *dialog = new NewPasswordDialog(account->id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewPasswordDialog::chosen, this, [this, dialog, id = account->id](const QString &password) {
        if (const Status reset = m_accounts.resetPassword(m_administrator, id, password); !reset)
            return dialog->refuse(reset.errorMessage());
        m_message->setText(tr("%1 has a new password; the old one no longer works.").arg(id));
        dialog->accept();
    });
    dialog->open();
}

void AccountsDialog::create()
{
    if (!m_form->passwordsMatch()) {
        m_message->setText(tr("The two passwords are not the same."));
        m_form->clearPasswords();
        m_form->focusPassword();
        return;
    }
    Result<Account> created =
        m_accounts.create(m_administrator, m_form->login(), m_form->fullName(), m_form->role(), m_form->password());
    m_form->clearPasswords();
    if (!created) {
        m_message->setText(created.errorMessage());
        // The field at fault: a password the policy refuses, else the name (taken, or not of the allowed form).
        if (created.errorMessage().contains(QLatin1String("assword")))
            m_form->focusPassword();
        else
            m_form->focusLogin();
        return;
    }
    m_message->setText(tr("Created %1 (%2).").arg(created->id, roleDisplayName(created->role)));
    m_form->clear();
    refresh();
}

} // namespace FrontDoor
