#pragma once

#include <QMainWindow>

#include <functional>

class QLabel;

namespace FrontDoor {

// The application window: menus, the central work area and the status bar. Views for referrals, the queue and
// sign-in are added to it by their own classes; it holds no case logic itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Context
    {
        QString databasePath;
        QString profileName; // the front door's name, e.g. "Norfolk CADS"
        QString signedInAs;  // "Priya Invented (Call-handler)"; empty before sign-in exists
        std::function<void()> manageAccounts; // set for administrators: File › Accounts…
    };

    explicit MainWindow(Context context, QWidget *parent = nullptr);

private:
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void showAbout();

    Context m_context;
};

} // namespace FrontDoor
