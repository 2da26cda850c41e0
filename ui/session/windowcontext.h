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

struct Setup
{
    QString databasePath;
    bool training = false;
    int idleMinutes = DeployedSettings::defaultIdleLock;
};

MainWindow::Context forPerson(Store &store, ProfileShelf &shelf, const Account &account, const Setup &setup);

} // namespace WindowContext
} // namespace FrontDoor
