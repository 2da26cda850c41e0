#include "storefixture.h"

#include "store/auditverifier.h"

#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/keyring.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace FrontDoor;

namespace FrontDoorTest {

StoreFixture::StoreFixture()
    : path(dir.filePath(QStringLiteral("cases/frontdoor.sqlite"))), clock(testNow())
{
    REQUIRE(dir.isValid());
    if (const QString password = qEnvironmentVariable("FRONTDOOR_TEST_KEY_PASSWORD"); !password.isEmpty()) {
        Result<KeyRing::Created> created = KeyRing::create(handler.userId, password, cheapHashing);
        REQUIRE(created);
        REQUIRE(QDir().mkpath(QFileInfo(path).absolutePath()));
        REQUIRE(created->ring.save(KeyRing::pathFor(path)));
        sealing = created->key;
    }
    reopen();
}

StoreFixture::~StoreFixture() = default;

Actor firstSupervisor(Accounts &accounts, const QString &name, const QString &password)
{
    Result<Account> root = accounts.createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root"), password);
    REQUIRE(root);
    Result<Account> supervisor =
        accounts.create(Actor{root->id, Role::Administrator}, name, QStringLiteral("Sam Supervisor"), Role::Supervisor,
                        password);
    REQUIRE(supervisor);
    return Actor{supervisor->id, Role::Supervisor};
}

std::shared_ptr<const SealingKey> StoreFixture::keyOf(const QString &file) const
{
    if (!sealing)
        return nullptr;
    Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(file));
    REQUIRE(ring);
    Result<std::shared_ptr<SealingKey>> key
        = ring->unwrap(handler.userId, qEnvironmentVariable("FRONTDOOR_TEST_KEY_PASSWORD"));
    REQUIRE(key);
    return *key;
}

Store &StoreFixture::reopen(const Store::Options &options)
{
    store.reset();
    if (sealing && QFileInfo::exists(KeyRing::pathFor(path))
        && KeyRing::load(KeyRing::pathFor(path)).value().fileId() != sealing->fileId())
        sealing = keyOf(path); // restored: the same key under the restored file's own id
    Store::Options withKey = options;
    if (!withKey.sealing)
        withKey.sealing = sealing;
    Result<std::unique_ptr<Store>> opened = Store::open(path, clock, withKey);
    INFO(opened.errorMessage().toStdString());
    REQUIRE(opened);
    store = std::move(*opened);
    return *store;
}

namespace {

// The raw connection: an encrypted file through the encrypting VFS with the fixture's key (what an attacker with
// the key could do), a plaintext one as it is.
sqlite3 *rawOpen(const QString &path, const std::shared_ptr<const SealingKey> &sealing)
{
    sqlite3 *db = nullptr;
    if (!sealing) {
        REQUIRE(sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK);
        return db;
    }
    REQUIRE(SealedVfs::ensureRegistered());
    static std::unique_ptr<SealedVfs::Attachment> attached; // held while any raw connection may be open
    attached = std::make_unique<SealedVfs::Attachment>(sealing);
    REQUIRE(sqlite3_open_v2(SealedVfs::uri(path, attached->token()).toUtf8().constData(),
                            &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
                            nullptr)
            == SQLITE_OK);
    return db;
}

} // namespace

void StoreFixture::rawExec(const QString &sql) const
{
    sqlite3 *db = rawOpen(path, sealing);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    INFO((error ? error : "") << " in: " << sql.toStdString());
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

void StoreFixture::asWrittenBefore(int version)
{
    // The guards as they are, word for word: the store checks them against the text its steps wrote.
    const QString guards = rawValue(QStringLiteral(
        "SELECT group_concat(sql, ';' || char(10)) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'"));
    REQUIRE(guards.contains(QStringLiteral("audit_no_update")));
    rawExec(QStringLiteral("CREATE TABLE audit_before (seq INTEGER PRIMARY KEY, reference TEXT, user_id TEXT NOT NULL, "
                           "at TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, "
                           "hash TEXT NOT NULL); "
                           "INSERT INTO audit_before SELECT a.seq, a.reference, a.user_id, a.at, a.kind, a.payload, "
                           "iif(p.hash IS NULL, '%1', lower(hex(p.hash))), lower(hex(a.hash)) "
                           "FROM audit AS a LEFT JOIN audit AS p ON p.seq = a.seq - 1; "
                           "DROP TABLE audit; ALTER TABLE audit_before RENAME TO audit; "
                           "CREATE INDEX audit_reference ON audit (reference, seq); "
                           "CREATE INDEX audit_kind ON audit (kind, seq); "
                           "%2; "
                           "%4"
                           "%5"
                           "PRAGMA user_version = %3")
                .arg(QString(64, u'0'), guards)
                .arg(version)
                .arg(version < 9 ? QStringLiteral( // step 9's indexes not yet made
                         "DROP INDEX referrals_handler; DROP INDEX referrals_handler_status; DROP INDEX referrals_due; "
                         "DROP INDEX referrals_urgent; DROP INDEX referrals_started; "
                         "CREATE INDEX referrals_handler ON referrals (handler, updated_at); ")
                                 : QString())
                .arg(version < 10 ? QStringLiteral( // the change feed numbered by AUTOINCREMENT
                         "CREATE TABLE events_before (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, "
                         "reference TEXT, at TEXT NOT NULL); "
                         "INSERT INTO events_before SELECT seq, kind, reference, at FROM events; "
                         "DROP TABLE events; ALTER TABLE events_before RENAME TO events; ")
                                  : QString()));
}

QString StoreFixture::rawValue(const QString &sql) const
{
    sqlite3 *db = rawOpen(path, sealing);
    sqlite3_stmt *statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK);
    QString value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void StoreFixture::fillTheDisk()
{
    QSqlQuery q(store->database().connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA page_count")));
    REQUIRE(q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
}

void StoreFixture::diskHasSpaceAgain()
{
    QSqlQuery q(store->database().connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
}

void fillInvented(StoreFixture &f, bool moreEvents)
{
    using namespace FrontDoor;
    for (int i = 0; i < 3; ++i) {
        StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = d.referral;
        r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Invented Caller %1").arg(i)));
        r.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Neighbour")));
        Result<SaveReceipt> saved = f->referrals().save(r, d.revision, handler);
        REQUIRE(saved);
        if (!moreEvents)
            continue;
        r.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("no")));
        REQUIRE(f->referrals().save(r, saved->revision, handler));
        REQUIRE(f->referrals().flush(r.reference));
        REQUIRE(f->referrals().recordAccess(r.reference, supervisor, AuditKind::Viewed));
    }
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

void requireIntact(StoreFixture &f)
{
    FrontDoor::Result<FrontDoor::AuditVerifier::Report> report = FrontDoor::AuditVerifier::verify(f->database());
    REQUIRE(report);
    INFO(report->summary().toStdString());
    REQUIRE(report->intact());
}

} // namespace FrontDoorTest
