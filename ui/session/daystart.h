#pragma once

#include "access/actor.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QMessageBox;

namespace FrontDoor {

class BackgroundBackup;
class BackgroundCheck;
class MainWindow;
class Store;

// What runs once a standalone desk's window shows (issue 21): the integrity check, then — on the desk's first window
// of the program, when a day has passed since the last — the day's backup. Each on a thread of its own, so the window
// answers from its first second whatever the file's size; the status bar says what is running. The check's failure
// stops every write and says so on every page (MainWindow::showStoreRefusal), and no backup is made of a file that
// has not passed. While an encrypted desk's screen is locked both stop, their key copies going with the store's
// (issue 20), and both start again at the unlock.
class DayStart : public QObject
{
    Q_OBJECT
public:
    DayStart(Store &store, MainWindow &window, const Actor &actor, bool backUpWhenDue);
    ~DayStart() override; // stops what still runs, and waits for it

    void start(); // the check; the backup follows it
    BackgroundCheck &check() { return *m_check; }
    BackgroundBackup &backup() { return *m_backup; }

private:
    void checkPassed();
    void startBackup();
    void backupFinished();
    void lockedChanged(bool locked);
    void say(const QString &running);

    Store &m_store;
    MainWindow &m_window;
    Actor m_actor;
    bool m_backupWanted;
    bool m_backupToFinish = false; // a backup made whole as the screen locked, to anchor at the unlock
    BackgroundCheck *m_check;
    BackgroundBackup *m_backup;
    QLabel *m_running; // in the status bar while something runs
    QPointer<QMessageBox> m_attention;
};

} // namespace FrontDoor
