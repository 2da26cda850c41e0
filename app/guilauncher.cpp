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
#include "session/firstrundialog.h"
#include "session/idlelock.h"
#include "session/signindialog.h"
#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/backups.h"
#include "store/databaselocation.h"
#include "store/store.h"
#include "training/trainingdata.h"

#include <QApplication>
#include <QMessageBox>
#include <QScreen>

namespace FrontDoor::GuiLauncher {

namespace {

int refuse(const QString &message)
{
    QMessageBox::critical(nullptr, QObject::tr("Front Door cannot start"), message);
    return 1;
}

// The editor's links into the rest of the store: the known-child check and the earlier cases it links (LIN-T3,
// LIN-R4, NOR-R2), and the other child's referral in a harm-by-another-child call (NOR-R4).
ReferralEditor *withLinks(Store &store, const Profile &profile, const Actor &actor, ReferralEditor *editor)
{
    const QString reference = editor->referral().reference;
    editor->setMatchFinder([&store, reference](const QString &name, const QString &birth) {
        Result<QList<PossibleMatch>> found =
            store.queries().possibleMatches(name, birth, store.clock().now().date(), reference, 5);
        return found ? *found : QList<PossibleMatch>();
    });
    editor->setCaseReader([&store](const QString &earlier) { return store.referrals().load(earlier); });
    editor->setDraftStarter([&store, &profile, actor] { return store.referrals().createDraft(profile, actor); });
    return editor;
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

// A supervisor reviews and decides a submitted referral (issue 7): the review, its history, the known-child check
// and printing (training cases are refused there, with the reason, when a trainee tries: issue 8).
ReviewPage *
reviewFor(Store &s, const Profile &profile, const Actor &actor, const StoredReferral &opened, QWidget *parent)
{
    Accounts &accounts = s.accounts();
    auto *review = new ReviewPage(
        s.referrals(),
        profile,
        opened,
        actor,
        s.clock(),
        [&accounts, actor](const QString &password) { return accounts.sign(actor, password); },
        [&s, &profile](const QString &ref) {
            QStringList lines;
            if (Result<QList<AuditEvent>> events = AuditTrail::forReferral(s.database(), ref))
                for (const AuditEvent &event : *events)
                    lines.append(historyLine(event, profile));
            return lines;
        },
        parent);
    const QString reference = opened.referral.reference;
    review->setMatchFinder([&s, reference](const QString &name, const QString &birth) {
        Result<QList<PossibleMatch>> found
            = s.queries().possibleMatches(name, birth, s.clock().now().date(), reference, 10);
        return found ? *found : QList<PossibleMatch>();
    });
    review->setOutput(
        std::make_unique<ReferralOutput>(s.referrals(), s.database(), profile, actor, s.clock(), s.anchors()));
    return review;
}

// Taking calls and reopening one's own: the editor, or the review for a supervisor on a submitted referral. A
// referral opens under its own profile (its header, contacts and timescales), whatever the window's.
void addCaseWork(MainWindow::Context &context, Store &s, ProfileShelf &shelf, const Actor &actor)
{
    const Profile &profile = shelf.home();
    if (isAllowed(actor.role, Operation::CreateReferral))
        context.newReferral = [&s, &profile, actor](QWidget *parent) -> Result<ReferralEditor *> {
            Result<StoredReferral> draft = s.referrals().createDraft(profile, actor);
            if (!draft)
                return draft.error();
            return withLinks(s,
                             profile,
                             actor,
                             new ReferralEditor(s.referrals(), profile, *draft, actor, s.clock(), parent, &s.locks()));
        };
    if (!isAllowed(actor.role, Operation::ViewOwnReferral))
        return;
    context.unfinishedCalls = [&s, &profile, actor] {
        return unfinishedCallsFor(s, profile, actor);
    };
    context.recentReferrals = [&s, &profile, actor] {
        return recentReferralsFor(s, profile, actor);
    };
    context.openReferral = [&s, &shelf, actor](const QString &reference, QWidget *parent) -> Result<ReferralPage> {
        Result<StoredReferral> opened = s.referrals().open(reference, actor); // checked and audited
        if (!opened)
            return opened.error();
        Result<const Profile *> own = shelf.forId(opened->referral.profileId);
        if (!own)
            return own.error();
        const Profile &profile = **own;
        if (opened->referral.status != ReferralStatus::Draft && isAllowed(actor.role, Operation::RecordDecision))
            return ReferralPage(reviewFor(s, profile, actor, *opened, parent));
        return ReferralPage(
            withLinks(s,
                      profile,
                      actor,
                      new ReferralEditor(s.referrals(), profile, *opened, actor, s.clock(), parent, &s.locks())));
    };
}

// Seeing every case (supervisors): the queue, its search and export, the dashboard.
void addSupervision(MainWindow::Context &context, Store &s, const Profile &profile, const Actor &actor)
{
    if (!isAllowed(actor.role, Operation::ViewAnyReferral))
        return;
    context.queuePages = [&s, actor](const ReferralFilter &filter) {
        return s.queries().list(filter, actor);
    };
    context.queueSearch = [&s, actor](const QString &text) {
        return s.queries().search(text, actor);
    };
    if (isAllowed(actor.role, Operation::ExportOrPrint))
        context.exportQueue = [&s, actor](const QStringList &columns,
                                          const QString &path,
                                          const ReferralFilter &filter,
                                          const QString &scope) {
            Result<int> written
                = QueueExport::write(s.queries(), s.database(), actor, s.clock().now(), columns, path, filter, scope);
            if (written)
                static_cast<void>(s.anchors().append(QStringLiteral("export")));
            return written;
        };
    context.userId = actor.userId;
    context.profile = &profile;
    context.dashboard = [&s, &profile, actor] {
        return DashboardFigures::read(s.database(), actor, profile.id, s.clock().now());
    };
    context.clock = &s.clock();
}

// Everything the window offers this person, by role (access/permissions), and the lock's audit.
MainWindow::Context
contextFor(Store &s, ProfileShelf &shelf, const Account &account, const Options &options, const QString &path)
{
    const Profile &profile = shelf.home();
    const Actor actor{account.id, account.role};
    MainWindow::Context context;
    context.databasePath = path;
    context.training = options.training;
    context.profileName = profile.name;
    context.signedInAs = QStringLiteral("%1 (%2)").arg(account.displayName, roleDisplayName(account.role));
    context.confirmPassword = [&s, actor](const QString &password) {
        return s.accounts().confirmPassword(actor, password);
    };
    addCaseWork(context, s, shelf, actor);
    addSupervision(context, s, profile, actor);
    context.idleMinutes = options.settings.idleLockMinutes; // IT's longest, or the user's shorter choice
    context.lockChanged = [&s, actor](bool locked, const QString &why) {
        static_cast<void>(AuditTrail::record(s.database(), {}, actor.userId, s.clock().now(),
                                             locked ? AuditKind::Locked : AuditKind::Unlocked,
                                             why.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("why"), why}}));
    };
    if (account.role == Role::Administrator)
        context.manageAccounts = [&s, actor]() {
            AccountsDialog dialog(s.accounts(), actor, QApplication::activeWindow());
            dialog.exec();
        };
    return context;
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

} // namespace

int run(const Options &options)
{
    const QString path = StoreCommands::databasePath(options);
    const Result<Profile> profile = chosenProfile(options);
    if (!profile)
        return refuse(profile.errorMessage());
    if (options.training) {
        // The first time: invented accounts and four weeks of invented cases (issue 7).
        if (Result<bool> filled = TrainingData::fill(path, *profile, 160, QDateTime::currentDateTimeUtc()); !filled)
            return refuse(filled.errorMessage());
    }
    Result<std::unique_ptr<Store>> opened = Store::open(path, Clock::system(), StoreCommands::storeOptions(options));
    if (!opened)
        return refuse(withBackupAdvice(opened.error(), path, options.settings.backupFolder));
    Store &store = **opened;

    const Result<std::optional<Account>> account = signedIn(store.accounts(), *profile, options.training);
    if (!account)
        return refuse(account.errorMessage());
    if (!*account)
        return 0;
    const Actor actor{(*account)->id, (*account)->role};

    // A daily backup at start when none was made in the last day, and one on every exit; generations are kept
    // (7 days, 4 weeks, 12 months). Its warnings (fewer records than the last backup, no second copy, no anchor)
    // are shown: a person must know before the day's work goes on.
    const auto backUp = [&store, &actor](bool quietWhenFailed) {
        Result<Backups::Made> made = store.backUp(actor);
        if (!made && !quietWhenFailed)
            QMessageBox::warning(nullptr, QObject::tr("Front Door could not make its backup"), made.errorMessage());
        if (made && !made->warnings.isEmpty())
            QMessageBox::warning(nullptr, QObject::tr("Front Door's backup needs attention"),
                                 made->warnings.join(QStringLiteral("\n\n")));
    };
    if (Backups::isDue(store.backupFolder(), path, store.clock().now()))
        backUp(true); // a failure here is reported on exit, when it is retried

    ProfileShelf shelf(*profile); // outlives the window: editors hold its profiles
    MainWindow window(contextFor(store, shelf, **account, options, path));
    warnAboutDeployment(options);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        window.resize(screen->availableSize()); // where no window manager maximises (a bare X server, Xvfb)
    window.showMaximized(); // the call-handler's one window all day
    window.activateWindow(); // the keyboard goes to the window straight after sign-in
    const int code = QApplication::exec();
    static_cast<void>(
        store.accounts().signOut(actor)); // audited; a failure here changes nothing for the person leaving
    static_cast<void>(store.anchors().append(QStringLiteral("sign-out"))); // the backup's anchor follows
    backUp(false);
    return code;
}

} // namespace FrontDoor::GuiLauncher
