#pragma once

#include "common/result.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;

namespace FrontDoor {

// What the window shows while locked: no case content, only who is signed in and a password field.
// Nothing is lost: every edit was saved as it was made.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    using Confirm = std::function<Status(const QString &password)>;

    LockScreen(const QString &signedInAs, Confirm confirm, QWidget *parent = nullptr);
    void prepare();

signals:
    void unlocked();
    // Someone else is at the desk (issue 18): the signed-in person is signed out, and the sign-in asks who is next.
    void signOutRequested();

private:
    void tryUnlock();

    Confirm m_confirm;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace FrontDoor
