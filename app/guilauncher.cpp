#include "guilauncher.h"

#include "storecommands.h"

#include "mainwindow.h"
#include "access/accounts.h"
#include "session/accountsdialog.h"
#include "session/firstrundialog.h"
#include "session/idlelock.h"
#include "session/signindialog.h"
#include "editor/referraleditor.h"
#include "review/historytext.h"
#include "review/reviewpage.h"
#include "render/referraloutput.h"
#include "home/unfinishedcallsource.h"
#include "access/permissions.h"
#include "profile/profileloader.h"
#include "store/audittrail.h"
#include "store/backups.h"
#include "store/databaselocation.h"
#include "calendar/bankholidays.h"
#include "store/queueexport.h"
#include "store/store.h"
#include "store/trainingdata.h"

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

} // namespace

int run(const Options &options)
{
    const QString path = StoreCommands::databasePath(options);
    const Result<Profile> profile =
        ProfileLoader::byId(!options.profileId.isEmpty()                   ? options.profileId
                            : !options.settings.defaultProfile.isEmpty() ? options.settings.defaultProfile
                                                                         : ProfileLoader::defaultId());
    if (!profile) {
        const QString deployedIn = options.profileId.isEmpty()
                                       ? options.settings.sources.value(DeployedSettings::profileKey.toString())
                                       : QString();
        return refuse(deployedIn.isEmpty() ? profile.errorMessage()
                                           : QObject::tr("%1 It is the default profile set in %2: please tell your IT "
                                                         "service desk.")
                                                 .arg(profile.errorMessage(), deployedIn));
    }
    if (options.training) {
        // The first time: invented accounts and four weeks of invented cases (issue 7).
        if (Result<bool> filled = TrainingData::fill(path, *profile, 160, QDateTime::currentDateTimeUtc()); !filled)
            return refuse(filled.errorMessage());
    }
    Result<std::unique_ptr<Store>> store = Store::open(path, Clock::system(), StoreCommands::storeOptions(options));
    if (!store)
        return refuse(withBackupAdvice(store.error(), path, options.settings.backupFolder));

    // First run creates the administrator; then everyone signs in (issue 5).
    Accounts accounts((*store)->database(), (*store)->clock());
    Result<bool> empty = accounts.isEmpty();
    if (!empty)
        return refuse(empty.errorMessage());
    if (*empty) {
        FirstRunDialog firstRun(accounts);
        if (firstRun.exec() != QDialog::Accepted)
            return 0;
    }
    const QString trainingNote =
        options.training ? QObject::tr("TRAINING — invented cases only. Sign in as %1 (call-handler) or %2 "
                                       "(supervisor); the password is \"%3\".")
                               .arg(QString::fromLatin1(TrainingData::traineeName),
                                    QString::fromLatin1(TrainingData::trainerName),
                                    QString::fromLatin1(TrainingData::trainingPassword))
                         : QString();
    SignInDialog signIn(accounts, profile->name, nullptr, trainingNote);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    const Account account = signIn.account();
    const Actor actor{account.id, account.role};

    // A daily backup at start when none was made in the last day, and one on every exit; the newest 7 are kept.
    const auto backUp = [&store, &actor]() {
        Store &s = **store;
        return Backups::make(s.database(), s.backupFolder(), s.clock().now(), actor);
    };
    if (Backups::isDue((*store)->backupFolder(), path, (*store)->clock().now()))
        static_cast<void>(backUp()); // a failure here is reported on exit, when it is retried

    MainWindow::Context context;
    context.databasePath = path;
    context.training = options.training;
    context.profileName = profile->name;
    context.signedInAs = QStringLiteral("%1 (%2)").arg(account.displayName, roleDisplayName(account.role));
    context.confirmPassword = [&accounts, &actor](const QString &password) {
        return accounts.confirmPassword(actor, password);
    };
    if (isAllowed(actor.role, Operation::CreateReferral))
        context.newReferral = [&store, &profile, &actor](QWidget *parent) -> Result<QWidget *> {
            Store &s = **store;
            Result<StoredReferral> draft = s.referrals().createDraft(*profile, actor);
            if (!draft)
                return draft.error();
            return withLinks(s, *profile, actor,
                             new ReferralEditor(s.referrals(), *profile, *draft, actor, s.clock(), parent, &s.locks()));
        };
    if (isAllowed(actor.role, Operation::ViewOwnReferral)) {
        context.unfinishedCalls = [&store, &profile, &actor] { return unfinishedCallsFor(**store, *profile, actor); };
        context.recentReferrals = [&store, &profile, &actor] { return recentReferralsFor(**store, *profile, actor); };
        context.openReferral = [&store, &profile, &actor, &accounts](const QString &reference,
                                                                     QWidget *parent) -> Result<QWidget *> {
            Store &s = **store;
            Result<StoredReferral> opened = s.referrals().open(reference, actor); // checked and audited
            if (!opened)
                return opened.error();
            // A supervisor reviews and decides a submitted referral (issue 7).
            if (opened->referral.status != ReferralStatus::Draft && isAllowed(actor.role, Operation::RecordDecision)) {
                auto *review = new ReviewPage(
                    s.referrals(), *profile, *opened, actor, s.clock(),
                    [&accounts, &actor](const QString &password) { return accounts.sign(actor, password); },
                    [&s, &profile](const QString &ref) {
                        QStringList lines;
                        if (Result<QList<AuditEvent>> events = AuditTrail::forReferral(s.database(), ref))
                            for (const AuditEvent &event : *events)
                                lines.append(historyLine(event, *profile));
                        return lines;
                    },
                    parent);
                review->setMatchFinder([&s, reference](const QString &name, const QString &birth) {
                    Result<QList<PossibleMatch>> found =
                        s.queries().possibleMatches(name, birth, s.clock().now().date(), reference, 10);
                    return found ? *found : QList<PossibleMatch>();
                });
                // Training cases are refused there, with the reason, when a trainee tries (issue 8).
                review->setOutput(std::make_unique<ReferralOutput>(s.referrals(), s.database(), *profile, actor,
                                                                   s.clock()));
                return review;
            }
            return withLinks(s, *profile, actor,
                             new ReferralEditor(s.referrals(), *profile, *opened, actor, s.clock(), parent, &s.locks()));
        };
    }
    if (isAllowed(actor.role, Operation::ViewAnyReferral)) {
        context.queuePages = [&store, &actor](const ReferralFilter &filter) { return (*store)->queries().list(filter, actor); };
        context.queueSearch = [&store, &actor](const QString &text) { return (*store)->queries().search(text, actor); };
        if (isAllowed(actor.role, Operation::ExportOrPrint))
            context.exportQueue = [&store, &actor](const QStringList &columns, const QString &path,
                                                   const ReferralFilter &filter, const QString &scope) {
                Store &s = **store;
                return QueueExport::write(s.queries(), s.database(), actor, s.clock().now(), columns, path, filter,
                                          scope);
            };
        context.userId = actor.userId;
        context.profile = &*profile;
        context.dashboard = [&store, &profile, &actor] {
            return DashboardFigures::read((*store)->database(), actor, profile->id, (*store)->clock().now());
        };
        context.clock = &(*store)->clock();
    }
    context.idleMinutes = options.settings.idleLockMinutes; // IT's longest, or the user's shorter choice
    context.lockChanged = [&store, &actor](bool locked, const QString &why) {
        Store &s = **store;
        static_cast<void>(AuditTrail::record(s.database(), {}, actor.userId, s.clock().now(),
                                             locked ? AuditKind::Locked : AuditKind::Unlocked,
                                             why.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("why"), why}}));
    };
    if (account.role == Role::Administrator)
        context.manageAccounts = [&accounts, &actor]() {
            AccountsDialog dialog(accounts, actor, QApplication::activeWindow());
            dialog.exec();
        };
    MainWindow window(context);
    if (const QString problem = BankHolidays::currentProblem(); !problem.isEmpty())
        QMessageBox::warning(nullptr, QObject::tr("Bank holidays file not used"), problem); // IT's to mend
    if (!options.settings.problems.isEmpty())
        QMessageBox::warning(nullptr, QObject::tr("Some settings were not used"),
                             QObject::tr("Front Door uses its own defaults for these settings, which could not be "
                                         "used as they are written. Please tell your IT service desk:\n\n%1")
                                 .arg(options.settings.problems.join(QStringLiteral("\n\n")))); // IT's to mend
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        window.resize(screen->availableSize()); // where no window manager maximises (a bare X server, Xvfb)
    window.showMaximized(); // the call-handler's one window all day
    window.activateWindow(); // the keyboard goes to the window straight after sign-in
    const int code = QApplication::exec();
    static_cast<void>(accounts.signOut(actor)); // audited; a failure here changes nothing for the person leaving

    if (Result<Backups::Made> made = backUp(); !made)
        QMessageBox::warning(nullptr, QObject::tr("Front Door could not make its backup"), made.errorMessage());
    return code;
}

} // namespace FrontDoor::GuiLauncher
