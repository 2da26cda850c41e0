// Faults: damaged files, a full disk, a read-only folder, and backups to come back from (issue 4: faults). With
// FRONTDOOR_ENCRYPTED, the same tests on an encrypted file, its backups and restores (issue 20).

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/backupfiles.h"
#include "store/backgroundcheck.h"
#include "store/backups.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <unistd.h>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

#ifdef FRONTDOOR_ENCRYPTED
const bool encrypted = qputenv("FRONTDOOR_TEST_KEY_PASSWORD", "an invented test password");
#endif

Store::Options keyed(const StoreFixture &f)
{
    Store::Options options;
    options.sealing = f.sealing;
    return options;
}

// A database with a few referrals, closed cleanly (so everything is in the main file).
void fill(StoreFixture &f, int referrals = 5)
{
    for (int i = 0; i < referrals; ++i) {
        StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = d.referral;
        r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Invented Caller %1").arg(i)));
        r.setAnswer(u"concern.nature", Answer::given(QString(3000, u'x')));
        REQUIRE(f->referrals().save(r, d.revision, handler));
    }
}

void damage(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    REQUIRE(file.write(bytes) == bytes.size());
}

Result<std::unique_ptr<Store>> openAgain(StoreFixture &f)
{
    return Store::open(f.path, f.clock, keyed(f));
}

} // namespace

TEST_CASE("A damaged database is refused, named, offered its latest good backup, and never written")
{
    StoreFixture f;
    fill(f, 40);
    REQUIRE(Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler));
    f.close();
    const qint64 pageSize = 4096;
    REQUIRE(QFileInfo(f.path).size() > 8 * pageSize);
    QString expected;

    SECTION("truncated")
    {
        QFile file(f.path);
        REQUIRE(file.resize(file.size() / 2));
        expected = QStringLiteral("damaged");
    }
    SECTION("a page's header flipped")
    {
        damage(f.path, 3 * pageSize, QByteArray(8, '\xff'));
        expected = QStringLiteral("damaged");
    }
    SECTION("the file header zeroed")
    {
        damage(f.path, 0, QByteArray(100, '\0'));
        expected = QStringLiteral("not an SQLite file");
    }
    const QByteArray before = fileDigest(f.path);
    Result<std::unique_ptr<Store>> opened = openAgain(f);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::DatabaseCorrupt);
    CHECK(opened.errorMessage().contains(f.path));
    CHECK(opened.errorMessage().contains(expected));
    CHECK(opened.errorMessage().contains(QStringLiteral("Nothing was written")));
    CHECK(fileDigest(f.path) == before);

    const QString advice = withBackupAdvice(opened.error(), f.path, BackupFiles::defaultFolder(f.path), f.sealing);
    const QStringList backups = BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path);
    REQUIRE(backups.size() == 1);
    CHECK(advice.contains(backups.first()));
    CHECK(advice.contains(QStringLiteral("frontdoor restore")));
}

namespace {

// Runs the store's check after start as the window does, and waits for its verdict (at most a minute).
BackgroundCheck::State checkInBackground(Store &store)
{
    BackgroundCheck check(store.database());
    QEventLoop loop;
    QObject::connect(&check, &BackgroundCheck::passed, &loop, &QEventLoop::quit);
    QObject::connect(&check, &BackgroundCheck::failed, &loop, &QEventLoop::quit);
    check.start();
    const QDeadlineTimer deadline(60'000);
    while (check.state() == BackgroundCheck::State::Running && !deadline.hasExpired())
        loop.processEvents(QEventLoop::WaitForMoreEvents, 100);
    return check.state();
}

} // namespace

TEST_CASE("Checked after the window shows (issue 21): damage found in the background stops every write at once, "
          "with a message, and reading goes on")
{
    StoreFixture f;
    fill(f, 40);
    // The b-tree made last: an index the open does not read, but the check reads whole.
    const qint64 lastIndexPage
        = f.rawValue(QStringLiteral("SELECT max(rootpage) FROM sqlite_schema WHERE type = 'index'")).toLongLong();
    REQUIRE(lastIndexPage > 1);
    f.close();
    Store::Options later = keyed(f);
    later.quickCheck = false;

    SECTION("a sound file passes, and work goes on")
    {
        Result<std::unique_ptr<Store>> opened = Store::open(f.path, f.clock, later);
        REQUIRE(opened);
        CHECK(checkInBackground(**opened) == BackgroundCheck::State::Passed);
        CHECK((*opened)->database().writeRefusal().isEmpty());
        CHECK((*opened)->referrals().createDraft(norfolk(), handler));
    }
    SECTION("a page of the file damaged: the window opens, the check fails, nothing more is written")
    {
        damage(f.path, (lastIndexPage - 1) * 4096, QByteArray(8, '\xff'));
        Result<std::unique_ptr<Store>> opened = Store::open(f.path, f.clock, later);
        REQUIRE(opened); // the window would show within a second, however large the file
        Store &store = **opened;
        CHECK(checkInBackground(store) == BackgroundCheck::State::Failed);
        const QString refusal = store.database().writeRefusal();
        CHECK(refusal.contains(f.path));
        CHECK(refusal.contains(QStringLiteral("damaged")));
        const QByteArray before = fileDigest(f.path);
        Result<StoredReferral> refused = store.referrals().createDraft(norfolk(), handler);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::DatabaseCorrupt);
        CHECK(refused.errorMessage().contains(QStringLiteral("Nothing more is saved")));
        QSqlQuery behind(store.database().connection()); // SQLite's query_only is the backstop
        CHECK_FALSE(behind.exec(QStringLiteral("DELETE FROM referrals WHERE reference = 'none'")));
        CHECK(fileDigest(f.path) == before);
        QSqlQuery reading(store.database().connection()); // what can still be read is still shown
        CHECK(reading.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")));
        CHECK(reading.next());
    }
}

TEST_CASE("A check paused (the screen locked) starts again from the beginning and still finds its verdict")
{
    StoreFixture f;
    fill(f, 40);
    f.close();
    Store::Options later = keyed(f);
    later.quickCheck = false;
    Result<std::unique_ptr<Store>> opened = Store::open(f.path, f.clock, later);
    REQUIRE(opened);
    BackgroundCheck check((*opened)->database());
    int passed = 0;
    QObject::connect(&check, &BackgroundCheck::passed, [&passed] { ++passed; });
    check.start();
    check.pause(); // whatever the run had found is not taken: it may have been cut short
    CHECK(check.state() == BackgroundCheck::State::Paused);
    QCoreApplication::processEvents();
    CHECK(passed == 0);
    CHECK(check.state() == BackgroundCheck::State::Paused);
    check.start();
    const QDeadlineTimer deadline(60'000);
    while (check.state() == BackgroundCheck::State::Running && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    CHECK(check.state() == BackgroundCheck::State::Passed);
    CHECK(passed == 1);
}

TEST_CASE("A database whose -wal went missing opens at its last checkpoint, consistent and verifiable")
{
    StoreFixture f;
    fill(f, 3);
    f.close(); // checkpointed: these three are in the main file
    f.reopen();
    fill(f, 2); // these two live only in the -wal while the store is open
    const QString copy = f.dir.filePath(QStringLiteral("copy.sqlite"));
    REQUIRE(QFile::copy(f.path, copy)); // the main file without its -wal, as a careless copy would be
    Result<std::unique_ptr<Store>> opened = Store::open(copy, f.clock, keyed(f)); // a copy: the same file id
    INFO(opened.errorMessage().toStdString());
    REQUIRE(opened);
    CHECK((*opened)->database().check(false).value() == QStringLiteral("ok"));
    CHECK((*opened)->queries().count(ReferralFilter{}).value() == 3);
}

TEST_CASE("A full disk makes the save fail — never a false 'saved' — and the save succeeds once space is back")
{
    StoreFixture f;
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    // A size-limited database stands in for a full disk (no root needed): SQLite answers SQLITE_FULL.
    f.fillTheDisk();

    Referral big = d.referral;
    big.setAnswer(u"concern.nature", Answer::given(QString(200'000, u'w')));
    Result<SaveReceipt> full = f->referrals().save(big, d.revision, handler);
    REQUIRE_FALSE(full);
    CHECK(full.error().code == ErrorCode::IoError);
    CHECK(full.errorMessage().contains(QStringLiteral("disk is full")));
    CHECK_FALSE(full.errorMessage().contains(QStringLiteral("screen"))); // the store speaks of no screen (issue 17)
    CHECK(f->referrals().load(d.referral.reference)->revision == d.revision); // nothing half-written

    f.diskHasSpaceAgain();
    Result<SaveReceipt> retried = f->referrals().save(big, d.revision, handler); // the editor still holds it
    INFO(retried.errorMessage().toStdString());
    REQUIRE(retried);
    f.reopen();
    CHECK(f->referrals().load(d.referral.reference)->referral == big);
}

TEST_CASE("A read-only database folder gives a clear message, not a crash")
{
    if (::geteuid() == 0) {
        WARN("Skipped: running as root, for whom file permissions do not apply.");
        return;
    }
    StoreFixture f;
    fill(f, 1);
    f.close();
    const QString folder = QFileInfo(f.path).absolutePath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(f.path + suffix + QStringLiteral(".none"));
    QFile::setPermissions(f.path, QFileDevice::ReadOwner);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    Result<std::unique_ptr<Store>> opened = openAgain(f);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(f.path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    REQUIRE_FALSE(opened);
    CHECK_FALSE(opened.errorMessage().isEmpty());
    CHECK(opened.errorMessage().contains(f.path));
}

TEST_CASE("Backups are owner-only, verified, rotated, restore refuses a bad backup and keeps what it replaces")
{
    StoreFixture f;
    fill(f, 2);
    QStringList made;
    int removed = 0;
    for (int i = 0; i < 40; ++i) {
        f.clock.advance(24 * 3600 * 1000LL);
        Result<Backups::Made> backup = Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler);
        INFO(backup.errorMessage().toStdString());
        REQUIRE(backup);
        CHECK(backup->warnings.isEmpty());
        made.append(backup->file);
        removed += backup->removed;
    }
    const QStringList kept = BackupFiles::list(f->backupFolder(), f.path);
    CHECK(kept.size() == made.size() - removed);
    CHECK(kept.size() < 7 + 4 + 2); // 40 days: the last 7 days, 4 weeks, and at most 2 months more
    for (qsizetype i = made.size() - 7; i < made.size(); ++i)
        CHECK(kept.contains(made.at(i))); // every one of the last 7 days
    CHECK(kept.first() == made.last());
    CHECK((QFile::permissions(kept.first()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
    CHECK((QFile::permissions(f->backupFolder()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
    CHECK(Backups::verify(kept.first(), {}, {}, f.keyOf(kept.first())));

    // A change after the last backup, then the database is lost.
    StoredReferral later = f->referrals().createDraft(norfolk(), handler).value();
    f.close();

    SECTION("a damaged backup is refused and nothing is touched")
    {
        const QString bad = f.dir.filePath(QStringLiteral("bad.sqlite"));
        REQUIRE(QFile::copy(kept.first(), bad));
        QFile::setPermissions(bad, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        damage(bad, 4096 * 2, QByteArray(16, '\x7f'));
        const QByteArray before = fileDigest(f.path);
        Result<QString> restored = Backups::restore(bad, f.path, f.clock.now(), handler, false, f.keyOf(kept.first()));
        REQUIRE_FALSE(restored);
        CHECK(restored.errorMessage().contains(QStringLiteral("Nothing was restored")));
        CHECK(fileDigest(f.path) == before);
    }
    SECTION("a good backup comes back; the replaced file is kept")
    {
        const QByteArray replaced = fileDigest(f.path);
        Result<QString> restored
            = Backups::restore(kept.first(), f.path, f.clock.now(), handler, false, f.keyOf(kept.first()));
        INFO(restored.errorMessage().toStdString());
        REQUIRE(restored);
        CHECK(fileDigest(*restored) == replaced);
        f.reopen();
        CHECK(f->queries().count(ReferralFilter{}).value() == 2);
        CHECK_FALSE(f->referrals().load(later.referral.reference));
        CHECK((QFile::permissions(f.path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
    }
}

TEST_CASE("An empty database file with backups beside it is not silently started afresh")
{
    StoreFixture f;
    fill(f, 1);
    REQUIRE(Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler));
    f.close();
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(f.path + suffix);
    QFile file(f.path);
    REQUIRE(file.resize(0));
    Result<std::unique_ptr<Store>> opened = openAgain(f);
    REQUIRE_FALSE(opened);
    CHECK(opened.errorMessage().contains(QStringLiteral("is empty, but backups of it exist")));
    CHECK(QFileInfo(f.path).size() == 0);
}

TEST_CASE("Backup generations: a year of daily backups keeps 7 days, 4 weeks and 12 months", "[issue17]")
{
    QStringList newestFirst;
    const QDateTime first(QDate(2025, 11, 1), QTime(8, 0), Qt::UTC);
    for (int day = 400; day >= 0; --day)
        newestFirst.append(QStringLiteral("/b/frontdoor-%1.sqlite")
                               .arg(first.addDays(day).toString(QStringLiteral("yyyyMMdd-HHmmsszzz"))));
    const QStringList beyond = BackupFiles::beyondGenerations(newestFirst);
    QStringList kept = newestFirst;
    for (const QString &file : beyond)
        kept.removeOne(file);
    for (int i = 0; i < 7; ++i)
        CHECK(kept.contains(newestFirst.at(i)));
    QSet<int> months;
    for (const QString &file : kept)
        months.insert(BackupFiles::madeAt(file).date().year() * 100 + BackupFiles::madeAt(file).date().month());
    CHECK(months.size() == 12);
    CHECK(kept.size() <= 7 + 4 + 12);
    // The twelfth month's newest backup: about eleven months back.
    CHECK(BackupFiles::madeAt(kept.last()).daysTo(BackupFiles::madeAt(kept.first())) >= 300);
    CHECK(beyond.size() + kept.size() == newestFirst.size());
}

TEST_CASE("A backup with fewer referrals than the one before removes nothing and says so", "[issue17]")
{
    StoreFixture f;
    fill(f, 3);
    const QString second = f.dir.filePath(QStringLiteral("share"));
    Result<Backups::Made> older = Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler, second);
    REQUIRE(older);
    CHECK(QFileInfo(older->secondFile).dir() == QDir(second));
    CHECK(Backups::verify(older->secondFile, {}, {}, f.keyOf(older->secondFile)));
    fill(f, 1);
    f.clock.advance(24 * 3600 * 1000); // the next day: both are kept (one backup per day is)
    REQUIRE(Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler, second));
    f.close();
    // The older backup comes back (a legitimate restore, or a rollback): the next backup holds less.
    Result<QString> restored
        = Backups::restore(older->file, f.path, f.clock.now(), handler, false, f.keyOf(older->file));
    INFO(restored.errorMessage().toStdString());
    REQUIRE(restored);
    f.reopen();
    const QStringList before = BackupFiles::list(f->backupFolder(), f.path);
    f.clock.advance(40LL * 24 * 3600 * 1000); // long enough that the others would be thinned away
    Result<Backups::Made> made = Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler, second);
    REQUIRE(made);
    REQUIRE(made->warnings.size() == 2); // once per folder
    CHECK(made->warnings.first().contains(QStringLiteral("holds fewer records than the one before it")));
    CHECK(made->warnings.first().contains(QStringLiteral("3 referrals")));
    CHECK(made->removed == 0);
    CHECK(BackupFiles::list(f->backupFolder(), f.path).size() == before.size() + 1);

    SECTION("a whole referral deleted outside Front Door: the copy does not verify, nothing is put in place")
    {
        f.close();
        const QString id = f.rawValue(QStringLiteral("SELECT id FROM referrals ORDER BY id DESC LIMIT 1"));
        f.rawExec(QStringLiteral("DELETE FROM person_keys WHERE referral_id = %1; DELETE FROM actions WHERE "
                                 "referral_id = %1; DELETE FROM referral_search WHERE rowid = %1; DELETE FROM "
                                 "referrals WHERE id = %1;").arg(id));
        f.reopen();
        const QStringList kept = BackupFiles::list(f->backupFolder(), f.path);
        f.clock.advance(3600 * 1000);
        Result<Backups::Made> refused = Backups::make(f->database(), f->backupFolder(), f.clock.now(), handler);
        REQUIRE_FALSE(refused);
        CHECK(refused.errorMessage().contains(QStringLiteral("is gone from the database")));
        CHECK(BackupFiles::list(f->backupFolder(), f.path) == kept);
    }
}

TEST_CASE("A referral that could not be read back is not saved: two children with one id are refused, and the stored "
          "referral still opens")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral twice = draft.referral;
    REQUIRE(twice.children.size() == 1);
    twice.children.append(twice.children.constFirst()); // a doubled card: the same id twice
    giveChild(twice, 1, QStringLiteral("name"), QStringLiteral("Zoë Invented"));
    Result<SaveReceipt> refused = f->referrals().save(twice, draft.revision, handler);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.errorMessage().contains(QStringLiteral("used twice")));
    Result<StoredReferral> still = f->referrals().load(draft.referral.reference);
    REQUIRE(still);
    CHECK(still->revision == draft.revision);
    CHECK(still->referral.children.size() == 1);
}
