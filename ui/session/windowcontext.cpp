#include "session/windowcontext.h"

#include "access/permissions.h"
#include "documents/queueexport.h"
#include "editor/autosaver.h"
#include "editor/referraleditor.h"
#include "home/unfinishedcallsource.h"
#include "profile/profileshelf.h"
#include "render/referraloutput.h"
#include "review/historytext.h"
#include "review/reviewpage.h"
#include "session/accountsdialog.h"
#include "store/audittrail.h"
#include "store/keyatlock.h"
#include "store/store.h"

#include <QApplication>
#include <QJsonObject>
#include <QMessageBox>

namespace FrontDoor::WindowContext {

namespace {

// The editor's links into the rest of the store: the known-child check and the earlier cases it links (LIN-T3,
// LIN-R4, NOR-R2), and the other child's referral in a harm-by-another-child call (NOR-R4).
ReferralEditor *withLinks(Store &store, const Profile &profile, const Actor &actor, ReferralEditor *editor)
{
    const QString reference = editor->referral().reference;
    editor->setMatchFinder([&store, reference](const QString &name, const QString &birth) {
        return store.queries().possibleMatches(name, birth, store.clock().now().date(), reference, 5);
    });
    editor->setCaseReader([&store](const QString &earlier) { return store.referrals().load(earlier); });
    editor->setDraftStarter([&store, &profile, actor] { return store.referrals().createDraft(profile, actor); });
    // Team mode: a server that goes away mid-call does not take the call with it (issue 19).
    if (store.spool())
        editor->saver().useSpool(store.spool(), store.referrals().instanceId());
    return editor;
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
                    lines.append(historyLines(event, profile));
            return lines;
        },
        parent);
    const QString reference = opened.referral.reference;
    review->setMatchFinder([&s, reference](const QString &name, const QString &birth) {
        return s.queries().possibleMatches(name, birth, s.clock().now().date(), reference, 10);
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
        // Team mode: what this computer kept of it goes to the server first, so the screen shows all that was typed.
        if (OfflineSpool *spool = s.spool(); spool && spool->holds(reference)) {
            const SpoolDelivery delivered = spool->deliver(reference);
            if (spool->holds(reference))
                return makeError(
                    ErrorCode::Conflict,
                    QObject::tr("%1 has edits kept on this computer that the server has not taken yet, "
                                "so it is not opened from the server's older copy. %2")
                        .arg(reference,
                             delivered.unreachable ? delivered.unreachable->message : delivered.held.join(u' ')));
        }
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
    context.queueCount = [&s, actor](const ReferralFilter &filter) {
        return s.queries().count(filter, actor);
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

} // namespace

MainWindow::Context forPerson(Store &s, ProfileShelf &shelf, const Account &account, const Setup &setup)
{
    const Profile &profile = shelf.home();
    const Actor actor{account.id, account.role};
    MainWindow::Context context;
    context.databasePath = setup.databasePath;
    context.training = setup.training;
    context.onServer = s.database().isServer();
    context.profileName = profile.name;
    context.signedInAs = QStringLiteral("%1 (%2)").arg(account.displayName, roleDisplayName(account.role));
    // Issue 20: on an encrypted database the key is wiped while the screen is locked, and the lock screen's
    // password brings it back (store/keyatlock.h).
    auto key = std::make_shared<KeyAtLock>(s, actor);
    context.confirmPassword = [key](const QString &password) {
        return key->unlock(password);
    };
    addCaseWork(context, s, shelf, actor);
    addSupervision(context, s, profile, actor);
    context.idleMinutes = setup.idleMinutes; // IT's longest, or the user's shorter choice
    if (s.database().isSealed()) { // issue 20: the key goes at lock; a desk left locked closes the database too
        context.wipeKeyOnLock = [key] {
            return key->wipe();
        };
        context.signOutWhenLockedMinutes = signOutWhenLockedMinutes;
    }
    context.lockChanged = [&s, actor](bool locked, const QString &why) {
        static_cast<void>(AuditTrail::record(s.database(), {}, actor.userId, s.clock().now(),
                                             locked ? AuditKind::Locked : AuditKind::Unlocked,
                                             why.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("why"), why}}));
    };
    if (account.role == Role::Administrator && s.database().isServer())
        context.manageAccounts = []() { // team mode: the accounts are the server's login roles
            QMessageBox::information(QApplication::activeWindow(),
                                     QObject::tr("Accounts"),
                                     QObject::tr("In team mode, accounts are the server's: use frontdoor user add, "
                                                 "disable, enable, reset or list with --server (see the README's "
                                                 "Team mode)."));
        };
    else if (account.role == Role::Administrator)
        context.manageAccounts = [&s, actor]() {
            AccountsDialog dialog(s.accounts(), actor, QApplication::activeWindow());
            dialog.exec();
        };
    return context;
}


} // namespace FrontDoor::WindowContext
