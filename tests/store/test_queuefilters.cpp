// Issue 21: the queue's filters at scale. Each list and count is put together from only the filters that are set, so
// the index they name is read (the home screen at a million referrals took 26 s when every filter was written
// "(:x IS NULL OR col = :x)" and SQLite walked the whole queue). Every combination must still find exactly what a
// plain reading of the referrals finds, and the home screen's questions must be read from their indexes.
#include "storefixture.h"
#include "support/queueworld.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/accounts.h"
#include "store/sqlcatalog.h"
#include "store/storedtime.h"

#include <QSqlError>
#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QStringList referencesOf(const Result<QList<ReferralSummary>> &listed)
{
    INFO(listed.errorMessage().toStdString());
    REQUIRE(listed);
    QStringList references;
    for (const ReferralSummary &row : *listed)
        references.append(row.reference);
    return references;
}

// What SQLite says it will do for the list or count of `filter`: one line per table or index it reads.
QStringList planOf(StoreFixture &f, const ReferralFilter &filter, bool counting)
{
    const SqlCatalog sql = SqlCatalog::load(QStringLiteral("sqlite")).value();
    QStringList statement;
    const QStringList pieces = counting ? ReferralQueries::countPieces(filter) : ReferralQueries::listPieces(filter);
    for (const QString &piece : pieces)
        statement.append(sql.statement(piece));
    QSqlQuery plan(f->database().connection());
    REQUIRE(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.join(u'\n')));
    const QStringList names{QStringLiteral("status"),
                            QStringLiteral("profile"),
                            QStringLiteral("handler"),
                            QStringLiteral("dueBefore"),
                            QStringLiteral("createdFrom"),
                            QStringLiteral("createdTo"),
                            QStringLiteral("limit"),
                            QStringLiteral("offset")};
    for (const QString &name : names)
        if (statement.join(u'\n').contains(u':' + name))
            plan.bindValue(u':' + name, name == QLatin1String("limit") ? QVariant(100) : QVariant(QStringLiteral("x")));
    INFO(plan.lastError().text().toStdString());
    REQUIRE(plan.exec());
    QStringList steps;
    while (plan.next())
        steps.append(plan.value(3).toString());
    return steps;
}

} // namespace

TEST_CASE("Issue 21: every combination of the queue's filters lists and counts exactly what a plain reading finds")
{
    StoreFixture f;
    const QueueWorld world
        = QueueWorld::make([&f](const Actor &) -> Store & { return *f; }, handler, otherHandler, f.clock);
    // The world has what the filters tell apart.
    QSet<ReferralStatus> statuses;
    int urgent = 0;
    int due = 0;
    for (const QueueRow &row : world.rows) {
        statuses.insert(row.status);
        urgent += row.urgent;
        due += row.nextDue.isValid();
    }
    REQUIRE(statuses.size() == 3); // draft, submitted, discarded
    REQUIRE(urgent >= 4);
    REQUIRE(due >= 6);

    int nonEmpty = 0;
    for (const ReferralFilter &filter : world.everyFilter(f.clock.now())) {
        INFO(QueueWorld::describe(filter));
        const QStringList expected = world.expected(filter);
        nonEmpty += !expected.isEmpty();
        CHECK(referencesOf(f->queries().list(filter)) == expected);
        CHECK(f->queries().count(filter).value() == expected.size());
        // Paging: three at a time gives the same rows in the same order.
        ReferralFilter paged = filter;
        paged.limit = 3;
        QStringList pages;
        for (paged.offset = 0; paged.offset <= expected.size(); paged.offset += 3)
            pages += referencesOf(f->queries().list(paged));
        CHECK(pages == expected);
    }
    CHECK(nonEmpty > 200); // most combinations find something: the agreement is not about finding nothing
}

TEST_CASE("Issue 21: the home screen's lists and counts read their own indexes, never the whole queue")
{
    StoreFixture f;
    const QDateTime now = f.clock.now();
    ReferralFilter drafts; // unfinishedCallsFor
    drafts.status = ReferralStatus::Draft;
    drafts.handler = handler.userId;
    drafts.profileId = QStringLiteral("norfolk-cads");
    ReferralFilter week; // recentReferralsFor
    week.handler = handler.userId;
    week.profileId = QStringLiteral("norfolk-cads");
    week.createdFrom = now.addDays(-7);
    ReferralFilter urgent; // the home's counts (QueueView::filterOf)
    urgent.urgent = true;
    ReferralFilter overdue;
    overdue.dueBefore = now;
    ReferralFilter awaiting;
    awaiting.status = ReferralStatus::Submitted;

    const auto readsOnly = [&f](const ReferralFilter &filter, bool counting, const QString &index) {
        const QStringList steps = planOf(f, filter, counting);
        INFO(QueueWorld::describe(filter)
             << (counting ? " (count): " : " (list): ") << steps.join(QStringLiteral("; ")).toStdString());
        REQUIRE_FALSE(steps.isEmpty());
        CHECK(steps.constFirst().startsWith(QLatin1String("SEARCH referrals USING ")));
        CHECK(steps.constFirst().contains(u"INDEX " + index + u' '));
        for (const QString &step : steps)
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN referrals")));
    };
    readsOnly(drafts, false, QStringLiteral("referrals_handler_status"));
    readsOnly(drafts, true, QStringLiteral("referrals_handler_status"));
    readsOnly(week, false, QStringLiteral("referrals_handler"));
    readsOnly(urgent, true, QStringLiteral("referrals_urgent"));
    readsOnly(overdue, true, QStringLiteral("referrals_due"));
    readsOnly(overdue, false, QStringLiteral("referrals_due"));
    readsOnly(awaiting, true, QStringLiteral("referrals_status"));
    readsOnly(awaiting, false, QStringLiteral("referrals_status"));

    // The unfiltered queue is read in its order from its own index, stopping at the page: no sort.
    const QStringList all = planOf(f, ReferralFilter{}, false);
    INFO(all.join(QStringLiteral("; ")).toStdString());
    REQUIRE(all.size() == 1);
    CHECK(all.constFirst() == QStringLiteral("SCAN referrals USING INDEX referrals_queue"));
}

TEST_CASE("Issue 21: an urgent referral once decided leaves the home's urgent count and the queue's Urgent view")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheapHashing);
    const QString password = QStringLiteral("kettle on the windowsill");
    const Actor sup = firstSupervisor(accounts, QStringLiteral("sup"), password);
    QStringList references;
    for (int i = 0; i < 3; ++i) {
        StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = draft.referral;
        r.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
        giveMany(r, QStringLiteral("triage.dangerAction"), {QStringLiteral("policeCalled")}); // NOR-S5
        give(r, QStringLiteral("triage.otherChildren"), QStringLiteral("None known"));        // NOR-S2
        r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
        r.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("mayBeShared")));
        const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
        if (i > 0) { // the second and third submitted
            Result<SaveReceipt> submitted = f->referrals().submit(r.reference, revision, handler, norfolk());
            INFO(submitted.errorMessage().toStdString());
            REQUIRE(submitted);
        }
        references.append(r.reference);
    }
    // The third decided by the supervisor, with the outcome and the signature NOR-D2 asks for.
    StoredReferral stored = f->referrals().load(references.at(2)).value();
    Referral decided = stored.referral;
    decided.outcomes.append(ChildOutcome{decided.children.at(0).id,
                                         QStringLiteral("earlyHelp"),
                                         QStringLiteral("Reasons"),
                                         {},
                                         sup.userId,
                                         f.clock.now()});
    const qint64 revision = f->referrals().save(decided, stored.revision, sup, QStringLiteral("decision"))->revision;
    Result<SaveReceipt> signedOff = f->referrals().changeStatus(
        references.at(2), revision, sup, ReferralStatus::Decided, norfolk(), accounts.sign(sup, password).value());
    INFO(signedOff.errorMessage().toStdString());
    REQUIRE(signedOff);

    ReferralFilter urgent;
    urgent.urgent = true;
    CHECK(f->queries().count(urgent).value() == 3); // every urgent referral, as the All view's order shows them
    urgent.undecidedOnly = true;                    // the home's count and the Urgent view: work waiting
    CHECK(f->queries().count(urgent).value() == 2);
    // The submitted one first: it has a decision due, the draft none yet.
    CHECK(referencesOf(f->queries().list(urgent)) == QStringList({references.at(1), references.at(0)}));
    const QStringList steps = planOf(f, urgent, true);
    INFO(steps.join(QStringLiteral("; ")).toStdString());
    REQUIRE(steps.size() == 1);
    CHECK(steps.constFirst().startsWith(QLatin1String("SEARCH referrals USING COVERING INDEX referrals_urgent")));
}
