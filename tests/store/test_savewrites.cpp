// Issue 21: a save writes only the referral's columns it changes. A column named in an UPDATE's SET rewrites a page of
// every index that holds it, even when its value is the same; a keystroke that goes on typing into one answer
// changes the document alone, so it must not name the status, the flags, the due date, the children, the search
// text or the typing burst's start. Which columns a save named is read from TEMP triggers on the store's own
// connection: `AFTER UPDATE OF column` fires when the column is in the SET list, whatever its value.
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/database.h"
#include "store/storedtime.h"

#include <QSqlError>
#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QStringList watched{QStringLiteral("children_summary"),
                          QStringLiteral("next_due"),
                          QStringLiteral("pending_at"),
                          QStringLiteral("pending_by"),
                          QStringLiteral("pending_from"),
                          QStringLiteral("pending_path"),
                          QStringLiteral("search_text"),
                          QStringLiteral("status"),
                          QStringLiteral("urgent")};

class ColumnsWritten
{
public:
    explicit ColumnsWritten(StoreFixture &f)
        : m_connection(f->database().connection())
    {
        run(QStringLiteral("CREATE TEMP TABLE written (col TEXT NOT NULL)"));
        for (const QString &column : watched)
            run(QStringLiteral("CREATE TEMP TRIGGER written_%1 AFTER UPDATE OF %1 ON main.referrals "
                               "BEGIN INSERT INTO written VALUES ('%1'); END")
                    .arg(column));
    }

    // The watched columns named since the last take(), in name order.
    QStringList take()
    {
        QStringList columns;
        QSqlQuery q(m_connection);
        REQUIRE(q.exec(QStringLiteral("SELECT DISTINCT col FROM written ORDER BY col")));
        while (q.next())
            columns.append(q.value(0).toString());
        q.finish();
        run(QStringLiteral("DELETE FROM written"));
        return columns;
    }

private:
    void run(const QString &sql)
    {
        QSqlQuery q(m_connection);
        INFO(q.lastError().text().toStdString());
        REQUIRE(q.exec(sql));
    }

    QSqlDatabase m_connection;
};

// A keystroke a second after the one before, as typed.
qint64 saved(StoreFixture &f, const Referral &referral, qint64 revision)
{
    f.clock.advance(1000);
    Result<SaveReceipt> receipt = f->referrals().save(referral, revision, handler);
    INFO(receipt.errorMessage().toStdString());
    REQUIRE(receipt);
    return receipt->revision;
}

} // namespace

TEST_CASE("Issue 21: a keystroke that goes on typing into one answer writes the document, not the indexed columns",
          "[store][issue21]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    qint64 revision = draft.revision;
    ColumnsWritten written(f);

    // The first keystroke in an answer starts a typing burst (NOR-D1: its old value is kept until the burst ends).
    give(referral, QStringLiteral("concern.nature"), QStringLiteral("B"));
    revision = saved(f, referral, revision);
    CHECK(written.take()
          == QStringList{QStringLiteral("pending_at"),
                         QStringLiteral("pending_by"),
                         QStringLiteral("pending_from"),
                         QStringLiteral("pending_path")});

    // The next ones in the same answer move only the burst's time (its start, author and old value stay).
    for (const QString &typed : {QStringLiteral("Br"), QStringLiteral("Bru"), QStringLiteral("Bruise")}) {
        give(referral, QStringLiteral("concern.nature"), typed);
        revision = saved(f, referral, revision);
        CHECK(written.take() == QStringList{QStringLiteral("pending_at")});
    }
    CHECK(f.rawValue(QStringLiteral("SELECT pending_path FROM referrals")) == QStringLiteral("concern.nature"));
    CHECK(f.rawValue(QStringLiteral("SELECT pending_from FROM referrals")).isEmpty() == false);

    // A child's name: the burst before ends, a new one starts; the children and the search text change.
    giveChild(referral, 0, Field::personName.toString(), QStringLiteral("Zoë Invented"));
    revision = saved(f, referral, revision);
    CHECK(written.take()
          == QStringList{QStringLiteral("children_summary"),
                         QStringLiteral("pending_at"),
                         QStringLiteral("pending_by"),
                         QStringLiteral("pending_from"),
                         QStringLiteral("pending_path"),
                         QStringLiteral("search_text")});
    CHECK(f.rawValue(QStringLiteral("SELECT children_summary FROM referrals")).contains(QStringLiteral("Zoë")));
    CHECK(f.rawValue(QStringLiteral("SELECT search_text FROM referrals")).contains(QStringLiteral("Zoë")));

    // Immediate danger (NOR-B1): the urgent flag is written, and the burst moves to the new answer.
    referral.setAnswer(Field::triageImmediateDanger, Answer::given(QString(Option::yes)));
    revision = saved(f, referral, revision);
    CHECK(written.take()
          == QStringList{QStringLiteral("pending_at"),
                         QStringLiteral("pending_by"),
                         QStringLiteral("pending_from"),
                         QStringLiteral("pending_path"),
                         QStringLiteral("urgent")});
    CHECK(f.rawValue(QStringLiteral("SELECT urgent FROM referrals")) == QStringLiteral("1"));

    // Two answers at once (NOR-S5, NOR-S2) are one event: the burst ends and none starts.
    referral.setAnswer(Field::triageDangerAction, Answer::givenMany({QStringLiteral("policeCalled")}));
    give(referral, Field::triageOtherChildren.toString(), QStringLiteral("None known"));
    revision = saved(f, referral, revision);
    CHECK(written.take()
          == QStringList{QStringLiteral("pending_at"),
                         QStringLiteral("pending_by"),
                         QStringLiteral("pending_from"),
                         QStringLiteral("pending_path")});
    CHECK(f.rawValue(QStringLiteral("SELECT pending_path IS NULL FROM referrals")) == QStringLiteral("1"));

    // Submitted: the status is written.
    Result<SaveReceipt> submitted = f->referrals().submit(referral.reference, revision, handler, norfolk());
    INFO(submitted.errorMessage().toStdString());
    REQUIRE(submitted);
    const QStringList atSubmit = written.take();
    CHECK(atSubmit.contains(QStringLiteral("status")));
    CHECK_FALSE(atSubmit.contains(QStringLiteral("search_text")));
    CHECK_FALSE(atSubmit.contains(QStringLiteral("pending_path")));
    CHECK(f.rawValue(QStringLiteral("SELECT status FROM referrals")) == QStringLiteral("submitted"));

    // Every derived column still agrees with the document, and the trail vouches for each state.
    requireIntact(f);
}

TEST_CASE("Issue 21: a save whose row was changed behind the store's back writes every column it now differs in",
          "[store][issue21]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    give(referral, QStringLiteral("concern.nature"), QStringLiteral("B"));
    qint64 revision = saved(f, referral, draft.revision);

    // What is compared is the row as read inside the save's transaction, never a copy kept from an earlier one: a
    // column another program changed (here a stale urgent flag) is written back to what the document says.
    f.rawExec(QStringLiteral("UPDATE referrals SET urgent = 1"));
    ColumnsWritten written(f);
    give(referral, QStringLiteral("concern.nature"), QStringLiteral("Br"));
    saved(f, referral, revision);
    CHECK(written.take() == QStringList{QStringLiteral("pending_at"), QStringLiteral("urgent")});
    CHECK(f.rawValue(QStringLiteral("SELECT urgent FROM referrals")) == QStringLiteral("0"));
}

TEST_CASE("Issue 21: the change feed's numbers only go up without AUTOINCREMENT — after every event is pruned, and on "
          "a file made before schema step 10",
          "[store][issue21]")
{
    StoreFixture f;
    fillInvented(f);
    const auto newest = [&f] {
        return f.rawValue(QStringLiteral("SELECT max(seq) FROM events")).toLongLong();
    };
    const qint64 seenBefore = newest();
    REQUIRE(seenBefore > 0);

    // The releases before numbered the feed with AUTOINCREMENT and could prune it empty (a quiet week). The fixture
    // writes a file as the releases before step 7 did; steps 7 to 10 run as it opens.
    f.close();
    f.asWrittenBefore(6);
    REQUIRE(f.rawValue(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'events'")).toLongLong()
            == seenBefore);
    f.rawExec(QStringLiteral("DELETE FROM events"));

    f.reopen();
    CHECK(f->database().schemaVersion() == Database::latestSchemaVersion);
    CHECK_FALSE(f.rawValue(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'events'"))
                    .contains(QStringLiteral("AUTOINCREMENT")));
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM sqlite_sequence WHERE name = 'events'")) == u"0");
    // The last number is kept in one marker event: a window that had seen it waits for the next.
    CHECK(newest() == seenBefore);
    CHECK(f.rawValue(QStringLiteral("SELECT kind FROM events")) == QStringLiteral("renumbered"));

    Result<StoredReferral> created = f->referrals().createDraft(norfolk(), handler);
    INFO(created.errorMessage().toStdString());
    REQUIRE(created);
    const StoredReferral draft = *created;
    CHECK(newest() == seenBefore + 1);

    // A week later every event is older than the prune's limit: the newest stays, and the next is numbered after it.
    f.clock.advance(8LL * 24 * 3600 * 1000);
    f.reopen();
    // (The marker was written at the wall clock's time, after this test's clock: it is not yet a week old.)
    const QString limit = StoredTime::text(f.clock.now().addDays(-7));
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM events WHERE at < '%1'").arg(limit)) == u"1");
    CHECK(f.rawValue(QStringLiteral("SELECT kind FROM events ORDER BY seq DESC LIMIT 1")) == QStringLiteral("created"));
    CHECK(newest() == seenBefore + 1);
    Referral referral = draft.referral;
    give(referral, QStringLiteral("concern.nature"), QStringLiteral("B"));
    saved(f, referral, draft.revision);
    CHECK(newest() == seenBefore + 2);
    requireIntact(f);
}
