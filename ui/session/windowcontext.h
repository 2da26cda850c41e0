#pragma once

#include "common/deployedsettings.h"
#include "mainwindow.h"
#include "store/accounts.h"

namespace FrontDoor {

class ProfileShelf;
class Store;

// Everything the main window offers the person signed in, by role (access/permissions), wired to the real store:
// taking calls, reopening their own, the review, the queue, the dashboard, accounts, the lock's audit. The launcher
// builds the window with it, and so do the GUI tests that walk every screen as each role meets it.
namespace WindowContext {

// Issue 20: locked this long (minutes), a desk on an encrypted database signs out — the store closes and the key is
// wiped from memory. Long enough for a break or a meeting, short enough that a desk left overnight holds no key.
inline constexpr int signOutWhenLockedMinutes = 30;

struct Setup
{
    QString databasePath;
    bool training = false;
    int idleMinutes = DeployedSettings::defaultIdleLock;
};

MainWindow::Context forPerson(Store &store, ProfileShelf &shelf, const Account &account, const Setup &setup);

} // namespace WindowContext
} // namespace FrontDoor
