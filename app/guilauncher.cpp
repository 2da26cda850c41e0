#include "guilauncher.h"

#include "storecommands.h"

#include "access/permissions.h"
#include "calendar/bankholidays.h"
#include "documents/queueexport.h"
#include "editor/referraleditor.h"
#include "home/unfinishedcallsource.h"
#include "mainwindow.h"
#include "profile/profileloader.h"
#include "profile/profileshelf.h"
#include "render/referraloutput.h"
#include "review/historytext.h"
#include "review/reviewpage.h"
#include "session/accountsdialog.h"
#include "session/daystart.h"
#include "session/firstrundialog.h"
#include "session/idlelock.h"
#include "session/recoverykeydialog.h"
#include "session/signindialog.h"
#include "session/windowcontext.h"
#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/backups.h"
#include "store/changefeedthread.h"
#include "store/databasekeys.h"
#include "store/databaselocation.h"
#include "store/encryptedsignin.h"
#include "store/store.h"
#include "store/teamsignin.h"
#include "training/trainingdata.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

namespace FrontDoor::GuiLauncher {

namespace {

int refuse(const QString &message)
{
    QMessageBox::critical(nullptr, QObject::tr("Front Door cannot start"), message);
    return 1;
}

// The profile named on the command line, else IT's default, else the built-in default; a deployed default that
// cannot be loaded is named as IT's to mend.
Result<Profile> chosenProfile(const Options &options)
{
    const Result<Profile> profile =
        ProfileLoader::byId(!options.profileId.isEmpty()                   ? options.profileId
                            : !options.settings.defaultProfile.isEmpty() ? options.settings.defaultProfile
                                                                         : ProfileLoader::defaultId());
    if (profile)
        return profile;
    const QString deployedIn = options.profileId.isEmpty()
                                   ? options.settings.sources.value(DeployedSettings::profileKey.toString())
                                   : QString();
    if (deployedIn.isEmpty())
        return profile.error();
    return makeError(profile.error().code,
                     QObject::tr("%1 It is the default profile set in %2: please tell your IT service desk.")
                         .arg(profile.errorMessage(), deployedIn));
}

// First run creates the administrator; then everyone signs in (issue 5). Empty when the person cancels.
Result<std::optional<Account>> signedIn(Accounts &accounts, const Profile &profile, bool training)
{
    Result<bool> empty = accounts.isEmpty();
    if (!empty)
        return empty.error();
    if (*empty) {
        FirstRunDialog firstRun(accounts);
        if (firstRun.exec() != QDialog::Accepted)
            return std::optional<Account>();
    }
    const QString trainingNote
        = training ? QObject::tr("TRAINING — invented cases only. Sign in as %1 (call-handler) or %2 (supervisor); the "
                                 "password is \"%3\".")
                         .arg(QString::fromLatin1(TrainingData::traineeName),
                              QString::fromLatin1(TrainingData::trainerName),
                              QString::fromLatin1(TrainingData::trainingPassword))
                   : QString();
    SignInDialog signIn(accounts, profile.name, nullptr, trainingNote);
    if (signIn.exec() != QDialog::Accepted)
        return std::optional<Account>();
    return std::optional<Account>(signIn.account());
}

// What IT must mend is said once the window is up: a bank-holiday file or deployed settings that were not used.
void warnAboutDeployment(const Options &options)
{
    if (const QString problem = BankHolidays::currentProblem(); !problem.isEmpty())
        QMessageBox::warning(nullptr, QObject::tr("Bank holidays file not used"), problem);
    if (!options.settings.problems.isEmpty())
        QMessageBox::warning(nullptr,
                             QObject::tr("Some settings were not used"),
                             QObject::tr("Front Door uses its own defaults for these settings, which could not be "
                                         "used as they are written. Please tell your IT service desk:\n\n%1")
                                 .arg(options.settings.problems.join(QStringLiteral("\n\n"))));
}

// The window's store (issue 21): its integrity check runs after the window shows (DayStart), an upgrade's
// before; its WAL is checkpointed between saves, never inside one.
Store::Options forTheWindow(const Options &options)
{
    Store::Options opening = StoreCommands::storeOptions(options);
    opening.quickCheck = false;
    opening.checkpointBetweenSaves = true;
    return opening;
}

// The one window, for one person, until they quit (0) or sign out (the caller asks who is next).
struct Shown
{
    bool signedOut = false;
    int code = 0;
};
Shown showWindow(Store &store,
                 ProfileShelf &shelf,
                 const Account &account,
                 const WindowContext::Setup &setup,
                 const Options &options,
                 bool first,
                 ChangeFeed *feed = nullptr)
{
    MainWindow window(WindowContext::forPerson(store, shelf, account, setup));
    // Issue 21: a standalone file is checked for damage after the window shows, not before (40 s at a million
    // referrals), and the day's first backup follows the check on a thread of its own; a failure stops every write
    // at once and says so on every page.
    std::unique_ptr<DayStart> dayStart;
    if (!store.database().isServer()) {
        dayStart = std::make_unique<DayStart>(store, window, Actor{account.id, account.role}, first);
        QTimer::singleShot(0, dayStart.get(), &DayStart::start); // once the window has painted
    }
    if (first)
        warnAboutDeployment(options);
    if (feed) // team mode: other desks' changes appear within about a second
        QObject::connect(feed, &ChangeFeed::changed, &window, &MainWindow::changedElsewhere);
    // Team mode: edits kept on this computer by a referral since closed go to the server once it is back.
    QTimer courier;
    if (OfflineSpool *spool = store.spool()) {
        const auto deliverKept = [spool, &window] {
            if (spool->count() == 0)
                return;
            const SpoolDelivery delivered = spool->deliver();
            if (delivered.sent > 0 && spool->count() == 0)
                window.statusBar()->showMessage(
                    QObject::tr("The server is back: every edit kept on this computer has been saved to it."), 15'000);
        };
        courier.setInterval(20'000);
        QObject::connect(&courier, &QTimer::timeout, &window, deliverKept);
        courier.start();
        if (feed) // the server is back: what was kept goes now, not at the next tick
            QObject::connect(feed, &ChangeFeed::reconnected, &window, deliverKept);
    }
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        window.resize(screen->availableSize()); // where no window manager maximises (a bare X server, Xvfb)
    window.showMaximized();                     // the call-handler's one window all day
    window.activateWindow();                    // the keyboard goes to the window straight after sign-in
    const int code = QApplication::exec();
    return Shown{window.signedOut(), code};
}

// Team mode (issue 19): each person signs in to the server as themselves; the store is theirs until they sign out.
// Backups are the server's; accounts are its login roles.
int runTeam(const Options &options, const Profile &profile)
{
    ProfileShelf shelf(profile);
    Store::Options storeOptions = StoreCommands::storeOptions(options);
    bool first = true;
    for (;;) {
        std::optional<TeamSession> session;
        std::optional<ServerLogin> login; // the change feed's own connection is the person's too
        SignInDialog signIn(
            [&](const QString &name, const QString &password) -> Result<Account> {
                Result<TeamSession> signedIn
                    = signInToTeam(options.server, name, password, Clock::system(), storeOptions);
                if (!signedIn)
                    return signedIn.error();
                const Account account = signedIn->account;
                session = std::move(*signedIn);
                login = ServerLogin{options.server, account.id, password};
                return account;
            },
            profile.name,
            nullptr,
            QObject::tr("Team mode: signing in to the server."));
        if (signIn.exec() != QDialog::Accepted || !session)
            return 0;
        if (const SpoolDelivery &delivered = session->delivered; delivered.sent > 0 || !delivered.held.isEmpty())
            QMessageBox::information(
                nullptr,
                QObject::tr("Edits kept on this computer"),
                delivered.held.isEmpty()
                    ? QObject::tr("%n edit(s) typed while the server could not be reached were kept on this computer "
                                  "and have now been saved to the server, in the order they were typed.",
                                  nullptr,
                                  delivered.sent)
                    : QObject::tr("%n edit(s) kept on this computer were saved to the server. These are still kept "
                                  "here, not on the server:\n\n%1",
                                  nullptr,
                                  delivered.sent)
                          .arg(delivered.held.join(u'\n')));
        const Actor actor{session->account.id, session->account.role};
        // LISTEN/NOTIFY with a watchdog and a 5-second backstop poll (ChangeFeed), on a thread of its own, which also
        // sends the notices of this desk's changes so a save does not wait for every listening desk to be woken; a
        // feed that cannot start now keeps trying at each tick.
        ChangeFeedThread feed([connectAs = *login] { return Database::connect(connectAs); }, 5'000);
        session->store->database().setAnnouncer(feed.feed()->announcer());
        if (Status started = feed.start(); !started)
            QMessageBox::warning(nullptr,
                                 QObject::tr("Changes from other desks"),
                                 QObject::tr("Changes made at other desks will not appear here by themselves until "
                                             "the server answers again (%1). Your own work is not affected.")
                                     .arg(started.errorMessage()));
        login.reset();
        const Shown shown = showWindow(*session->store,
                                       shelf,
                                       session->account,
                                       {QObject::tr("the team's server"), false, options.settings.idleLockMinutes},
                                       options,
                                       first,
                                       feed.feed());
        first = false;
        static_cast<void>(session->store->accounts().signOut(actor)); // audited on the server
        if (!shown.signedOut)
            return shown.code;
    }
}

} // namespace

namespace {

// Who sits at the desk next, and the store they work in; empty when they quit.
struct AtTheDesk
{
    Store *store = nullptr;
    Account account;
};
using NextPerson = std::function<Result<std::optional<AtTheDesk>>()>;

// A standalone desk: one person after another (issue 18: Sign out, or the lock screen's, asks who is next). A daily
// backup at start when none was made in the last day, and one on every exit; generations are kept (7 days, 4 weeks,
// 12 months). Its warnings (fewer records than the last backup, no second copy, no anchor) are shown: a person must
// know before the day's work goes on.
int runDesk(const Options &options, const Profile &profile, const QString &path, const NextPerson &nextPerson)
{
    const auto backUp = [](Store &store, const Actor &actor) {
        Result<Backups::Made> made = store.backUp(actor);
        if (!made)
            QMessageBox::warning(nullptr, QObject::tr("Front Door could not make its backup"), made.errorMessage());
        if (made && !made->warnings.isEmpty())
            QMessageBox::warning(nullptr,
                                 QObject::tr("Front Door's backup needs attention"),
                                 made->warnings.join(QStringLiteral("\n\n")));
    };
    ProfileShelf shelf(profile); // outlives the windows: editors hold its profiles
    bool first = true;
    for (;;) {
        const Result<std::optional<AtTheDesk>> next = nextPerson();
        if (!next)
            return refuse(next.errorMessage());
        if (!*next)
            return 0;
        Store &store = *(*next)->store;
        const Account &account = (*next)->account;
        const Actor actor{account.id, account.role};
        // The day's first backup follows the check that runs after the window shows (DayStart): never a copy of
        // damage, and never a frozen window while a county's file is copied.
        const Shown shown = showWindow(
            store, shelf, account, {path, options.training, options.settings.idleLockMinutes}, options, first);
        first = false;
        if (!store.database().writeRefusal().isEmpty()) // damaged: said on screen; nothing more is written or copied
            return shown.code;
        if (store.database().isKeyWiped()) {
            // Issue 20: signed out (or closed) behind the lock with the key wiped — nothing can be written, and
            // nothing needs to be: all that was typed was saved before the key went. The trail ends with "locked";
            // the exit backup waits for the next exit.
            if (!shown.signedOut)
                return shown.code;
            continue;
        }
        static_cast<void>(
            store.accounts().signOut(actor)); // audited; a failure here changes nothing for the person leaving
        static_cast<void>(store.anchors().append(QStringLiteral("sign-out"))); // the backup's anchor follows
        if (!shown.signedOut) {
            backUp(store, actor);
            return shown.code;
        }
    }
}

// Issue 20: a new live database is made encrypted at its first run, and the recovery key shown once. False when
// the person quit before it was made.
bool firstRunEncrypted(const QString &path, const Store::Options &opening)
{
    QString recoveryKey;
    FirstRunDialog firstRun([&](const QString &login, const QString &fullName, const QString &password) {
        Result<EncryptedSession> made = createEncrypted(path, login, fullName, password, Clock::system(), opening);
        if (!made)
            return Result<Account>(made.error());
        recoveryKey = made->recoveryKey;
        return Result<Account>(made->account); // the store closes here: the administrator signs in next
    });
    if (firstRun.exec() != QDialog::Accepted)
        return false;
    RecoveryKeyDialog shown(recoveryKey, path);
    shown.exec();
    recoveryKey.fill(u' ');
    return true;
}

// An encrypted database (issue 20): each person's password unwraps its key before the file can be opened, so the
// store opens at sign-in and closes — the key wiped — when they sign out.
int runEncrypted(const Options &options, const Profile &profile, const QString &path)
{
    const Store::Options opening = forTheWindow(options);
    if (!QFileInfo::exists(path) && !firstRunEncrypted(path, opening))
        return 0;
    std::unique_ptr<Store> current;
    return runDesk(options, profile, path, [&]() -> Result<std::optional<AtTheDesk>> {
        current.reset(); // the last person's store and key go before anyone else signs in
        std::optional<EncryptedSession> session;
        SignInDialog signIn(
            [&](const QString &name, const QString &password) -> Result<Account> {
                Result<EncryptedSession> signedIn = signInToEncrypted(path, name, password, Clock::system(), opening);
                if (!signedIn)
                    return signedIn.error();
                session = std::move(*signedIn);
                return session->account;
            },
            profile.name);
        if (signIn.exec() != QDialog::Accepted || !session)
            return std::optional<AtTheDesk>();
        current = std::move(session->store);
        return std::optional<AtTheDesk>(AtTheDesk{current.get(), session->account});
    });
}

} // namespace

int run(const Options &options)
{
    const QString path = StoreCommands::databasePath(options);
    const Result<Profile> profile = chosenProfile(options);
    if (!profile)
        return refuse(profile.errorMessage());
    if (!options.server.isEmpty()) {
        if (options.training)
            return refuse(QObject::tr("Training mode is a standalone database of invented cases: start it without a "
                                      "server."));
        return runTeam(options, *profile);
    }
    if (options.training) {
        // The first time: invented accounts and four weeks of invented cases (issue 7).
        if (Result<bool> filled = TrainingData::fill(path, *profile, 160, QDateTime::currentDateTimeUtc()); !filled)
            return refuse(filled.errorMessage());
    } else if (!QFileInfo::exists(path) || DatabaseKeys::isEncrypted(path)) {
        return runEncrypted(options, *profile, path); // a new live database is encrypted (issue 20)
    }
    // A plaintext database: made before encryption, or training's invented cases.
    Result<std::unique_ptr<Store>> opened = Store::open(path, Clock::system(), forTheWindow(options));
    if (!opened)
        return refuse(withBackupAdvice(opened.error(), path, options.settings.backupFolder));
    Store &store = **opened;
    return runDesk(options, *profile, path, [&]() -> Result<std::optional<AtTheDesk>> {
        const Result<std::optional<Account>> account = signedIn(store.accounts(), *profile, options.training);
        if (!account)
            return account.error();
        if (!*account)
            return std::optional<AtTheDesk>();
        return std::optional<AtTheDesk>(AtTheDesk{&store, **account});
    });
}

} // namespace FrontDoor::GuiLauncher
