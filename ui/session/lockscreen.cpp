#include "lockscreen.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

LockScreen::LockScreen(const QString &signedInAs, Confirm confirm, QWidget *parent)
    : QWidget(parent), m_confirm(std::move(confirm))
{
    setObjectName(QStringLiteral("lockScreen"));
    auto *heading = new QLabel(tr("<h1>Front Door is locked</h1>"
                                  "<p>Case records are hidden. Everything was saved as it was typed.</p>"
                                  "<p>Signed in: %1 — enter your password to go on.</p>")
                                   .arg(signedInAs.toHtmlEscaped()),
                               this);
    heading->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setAccessibleName(tr("Password to unlock"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(420);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    Theme::setKind(m_message, Theme::Kind::checkProblem);
    auto *unlock = new QPushButton(tr("&Unlock"), this);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    connect(unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    auto *signOut = new QPushButton(tr("&Sign out — someone else will sign in"), this);
    signOut->setObjectName(QStringLiteral("lockSignOutButton"));
    signOut->setToolTip(tr("Everything was saved. A decision entered on a review but not recorded is recorded, "
                           "unsigned, under the person signed in."));
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addWidget(heading);
    layout->addWidget(m_password);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(unlock);
    buttons->addSpacing(24);
    buttons->addWidget(signOut);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
}

void LockScreen::prepare()
{
    m_password->clear();
    m_message->clear();
    m_password->setFocus();
}

void LockScreen::tryUnlock()
{
    const Status confirmed = m_confirm(m_password->text());
    m_password->clear();
    if (!confirmed) {
        m_message->setText(confirmed.errorMessage());
        return;
    }
    m_message->clear();
    emit unlocked();
}

} // namespace FrontDoor
