#include "commonmeasures.h"

#include "referral/referraljson.h"
#include "store/dashboardfigures.h"
#include "store/referralstate.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace FrontDoor;

namespace FrontDoorBench {

// The answers a call-handler types into, in turn.
const QStringList &typedFields()
{
    static const QStringList fields{QStringLiteral("referrer.name"),
                                    QStringLiteral("referrer.role"),
                                    QStringLiteral("concern.nature"),
                                    QStringLiteral("family.address")};
    return fields;
}

namespace {

// The home screen's five questions after sign-in (ui/home/unfinishedcallsource.cpp, QueueView::filterOf): the desk's
// unfinished calls and their week, then the urgent, awaiting-decision and overdue counts.
bool askHomeScreen(Store &store, const Profile &profile, const Actor &desk)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ReferralFilter drafts;
    drafts.status = ReferralStatus::Draft;
    drafts.handler = desk.userId;
    drafts.profileId = profile.id;
    drafts.limit = 200;
    ReferralFilter week;
    week.handler = desk.userId;
    week.profileId = profile.id;
    week.createdFrom = now.addDays(-7);
    week.limit = 500;
    ReferralFilter urgent;
    urgent.urgent = true;
    urgent.undecidedOnly = true;
    ReferralFilter awaiting;
    awaiting.status = ReferralStatus::Submitted;
    ReferralFilter overdue;
    overdue.dueBefore = now;
    return store.queries().list(drafts) && store.queries().list(week) && store.queries().count(urgent)
           && store.queries().count(awaiting) && store.queries().count(overdue);
}

} // namespace

bool measureCommon(Store &store,
                   QTextStream &log,
                   const Profile &profile,
                   const Actor &desk,
                   const QStringList &references,
                   const QStringList &names,
                   const QStringList &births,
                   QRandomGenerator &random,
                   Common &common)
{
    // Saving while a call goes on: a draft typed into, field after field.
    StoredReferral draft = store.referrals().createDraft(profile, desk).value();
    Referral typing = draft.referral;
    qint64 revision = draft.revision;
    const QStringList &fields = typedFields();
    common.profile.attach(store.database().handle()); // SQLite only: null on the server
    for (int i = 0; i < 600; ++i) {
        const QString &field = fields.at((i / 25) % fields.size());
        typing.setAnswer(field, Answer::given(QStringLiteral("Invented text typed so far %1").arg(i)));
        QElapsedTimer t;
        t.start();
        common.profile.beginSave();
        Result<SaveReceipt> saved = store.referrals().save(typing, revision, desk);
        common.saves.add(t.nsecsElapsed());
        common.profile.endSave(t.nsecsElapsed());
        QCoreApplication::processEvents(); // between keystrokes, as the window's event loop: a checkpoint due runs
        if (!saved) {
            log << "save failed: " << saved.errorMessage() << '\n';
            return false;
        }
        revision = saved->revision;
        if (common.floorBetweenSaves) {
            const qint64 floor = common.floorBetweenSaves(int(ReferralJson::serializeCompact(typing).size()));
            if (floor < 0) {
                log << "the bare insert between saves failed\n";
                return false;
            }
            common.floor.add(floor);
        }
    }
    common.profile.detach();
    common.documentBytes = int(ReferralState::flatten(typing).size() * 60);

    for (int i = 0; i < 300; ++i) {
        const QString &reference = references.at(random.bounded(int(references.size())));
        QElapsedTimer t;
        t.start();
        Result<StoredReferral> loaded = store.referrals().load(reference);
        common.opens.add(t.nsecsElapsed());
        if (!loaded) {
            log << "load failed: " << loaded.errorMessage() << '\n';
            return false;
        }
    }

    for (int i = 0; i < 300; ++i) {
        const QString name = names.at(random.bounded(int(names.size())));
        QString query;
        switch (i % 4) {
        case 0:
            query = name.section(u' ', 0, 0).left(3);
            break; // a first-name prefix
        case 1:
            query = name;
            break; // a full name
        case 2:
            query = name.section(u' ', -1).left(4) + QStringLiteral(" 2015");
            break;
        default:
            query = references.at(random.bounded(int(references.size())));
            break;
        }
        QElapsedTimer t;
        t.start();
        Result<QList<ReferralSummary>> found = store.queries().search(query, 50);
        common.searches.add(t.nsecsElapsed());
        if (!found) {
            log << "search failed: " << found.errorMessage() << '\n';
            return false;
        }
        common.hits += found->size();
        common.queries.append(query);
        common.hitsEach.append(found->size());
    }

    for (int i = 0; i < 300; ++i) {
        const int k = int(random.bounded(int(names.size())));
        QElapsedTimer t;
        t.start();
        Result<QList<PossibleMatch>> found
            = store.queries().possibleMatches(names.at(k), births.at(k), QDate::currentDate());
        common.matches.add(t.nsecsElapsed());
        if (!found) {
            log << "match failed: " << found.errorMessage() << '\n';
            return false;
        }
    }

    for (int i = 0; i < 100; ++i) {
        ReferralFilter all;
        all.limit = 50;
        QElapsedTimer t;
        t.start();
        if (!store.queries().list(all))
            return false;
        common.firstPage.add(t.nsecsElapsed());
        ReferralFilter mine;
        mine.handler = desk.userId;
        mine.status = ReferralStatus::Draft;
        mine.limit = 50;
        t.restart();
        if (!store.queries().list(mine))
            return false;
        common.filteredPage.add(t.nsecsElapsed());
        t.restart();
        if (!askHomeScreen(store, profile, desk))
            return false;
        common.home.add(t.nsecsElapsed());
    }
    // The dashboard (F3): four weeks' figures for a supervisor.
    const Actor supervising{QStringLiteral("u-bench-supervisor"), Role::Supervisor};
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        if (!DashboardFigures::read(store.database(), supervising, profile.id, QDateTime::currentDateTimeUtc()))
            return false;
        common.dashboard.add(t.nsecsElapsed());
    }

    return true;
}

} // namespace FrontDoorBench
