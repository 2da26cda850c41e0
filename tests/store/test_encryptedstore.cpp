// The store on an encrypted file (issue 20): saved, searched, verified, backed up and reopened through the encrypting
// VFS with its key, refused without it; and `frontdoor encrypt`, which converts a plaintext database whole. Real files
// in a temporary folder; invented names only. (The VFS itself, page by page: test_sealedvfs.cpp.)
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/auditverifier.h"
#include "store/backups.h"
#include "store/database.h"
#include "store/databaseencryption.h"
#include "store/keyring.h"
#include "store/referralqueries.h"
#include "store/sealedvfs.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("The store on an encrypted file is saved, searched, verified and reopened with its key, refused without it, "
          "and leaves no name on disk")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frontdoor.sqlite"));
    FixedClock clock(testNow());
    Store::Options options;
    const QString password = QStringLiteral("correct horse battery staple");
    Result<KeyRing::Created> created = KeyRing::create(QStringLiteral("u-handler"), password, cheapHashing);
    REQUIRE(created);
    const KeyRing &ring = created->ring;
    REQUIRE(ring.save(KeyRing::pathFor(path)));
    options.sealing = created->key;
    options.backupFolder = dir.filePath(QStringLiteral("backups"));
    options.anchorFolder = dir.filePath(QStringLiteral("anchors"));
    const QString child = QStringLiteral("Zephyrine Quillworth-Ødegård");
    QString reference;
    {
        Result<std::unique_ptr<Store>> store = Store::open(path, clock, options);
        INFO(store.errorMessage().toStdString());
        REQUIRE(store);
        CHECK((*store)->database().isSealed());
        for (int i = 0; i < 20; ++i) {
            StoredReferral draft = (*store)->referrals().createDraft(norfolk(), handler).value();
            Referral r = draft.referral;
            r.children[0].answers.insert(QStringLiteral("name"), Answer::given(child + QString::number(i)));
            r.setAnswer(u"family.postcode", Answer::given(QStringLiteral("NR1 2DH")));
            Result<SaveReceipt> saved = (*store)->referrals().save(r, draft.revision, handler);
            REQUIRE(saved);
            reference = r.reference;
        }
        Result<QList<ReferralSummary>> hits = (*store)->queries().search(QStringLiteral("zephyrine"));
        REQUIRE(hits);
        CHECK(hits->size() == 20);
        // Before any checkpoint, and after: neither the file nor its WAL holds the name.
        for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            INFO(file.toStdString());
            CHECK_FALSE(fileBytes(file).contains(QByteArrayLiteral("Zephyrine")));
            CHECK_FALSE(fileBytes(file).contains(QStringLiteral("Quillworth").toUtf8()));
        }
        // The backup is sealed too, under a file id of its own, with its wrapped keys beside it; it verifies.
        Result<Backups::Made> backup = (*store)->backUp(handler);
        INFO(backup.errorMessage().toStdString());
        REQUIRE(backup);
        CHECK(SealedVfs::headerSaysSealed(fileBytes(backup->file).left(100)));
        CHECK_FALSE(fileBytes(backup->file).contains(QStringLiteral("Quillworth").toUtf8()));
        Result<KeyRing> backupRing = KeyRing::load(KeyRing::pathFor(backup->file));
        REQUIRE(backupRing);
        CHECK(backupRing->fileId() != ring.fileId());
        CHECK(Backups::verify(backup->file, {}, {}, options.sealing->forFile(backupRing->fileId())));
        CHECK_FALSE(Backups::verify(backup->file)); // without the key: refused, never read as plaintext
        CHECK_FALSE(Backups::verify(backup->file, {}, {}, options.sealing)); // the database's own file id: refused
        // One self-contained file and its keys: no WAL, no journal beside it.
        CHECK(QDir(options.backupFolder).entryList(QDir::Files)
              == QStringList{QFileInfo(backup->file).fileName(),
                             QFileInfo(backup->file).fileName() + QStringLiteral(".keys")});
    }
    for (const QString &file : QStringList{path, path + QStringLiteral("-wal")})
        CHECK_FALSE(fileBytes(file).contains(QStringLiteral("Quillworth").toUtf8()));

    Result<std::unique_ptr<Store>> again = Store::open(path, clock, options);
    REQUIRE(again);
    Result<StoredReferral> loaded = (*again)->referrals().load(reference);
    REQUIRE(loaded);
    CHECK(loaded->referral.children[0].answers.value(QStringLiteral("name")).value() == child + QStringLiteral("19"));
    Result<AuditVerifier::Report> report = AuditVerifier::verify((*again)->database());
    REQUIRE(report);
    CHECK(report->intact());
    again->reset();

    Store::Options withoutKey = options;
    withoutKey.sealing.reset();
    Result<std::unique_ptr<Store>> refused = Store::open(path, clock, withoutKey);
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QLatin1String("is encrypted")));

    const QString plainPath = dir.filePath(QStringLiteral("plain.sqlite"));
    {
        REQUIRE(Store::open(plainPath, clock, withoutKey));
    }
    Result<std::unique_ptr<Store>> plainWithKey = Store::open(plainPath, clock, options);
    REQUIRE_FALSE(plainWithKey);
    CHECK(plainWithKey.errorMessage().contains(QLatin1String("not encrypted")));
}

TEST_CASE("frontdoor encrypt converts a plaintext database whole, verified, leaves no plaintext copy, and is refused "
          "while it is open elsewhere")
{
    StoreFixture f;
    fillInvented(f, true);
    const qint64 referrals = f.rawValue(QStringLiteral("SELECT count(*) FROM referrals")).toLongLong();
    const qint64 events = f.rawValue(QStringLiteral("SELECT seq FROM audit_head")).toLongLong();
    REQUIRE(referrals == 3);
    const QString password = QStringLiteral("correct horse battery staple");

    // While the program has it open: refused, nothing changed.
    const QByteArray before = fileDigest(f.path);
    Result<DatabaseEncryption::Converted> busy
        = DatabaseEncryption::convert(f.path, QStringLiteral("root"), password, cheapHashing);
    REQUIRE_FALSE(busy);
    CHECK(busy.errorMessage().contains(QLatin1String("open elsewhere")));
    CHECK_FALSE(QFile::exists(KeyRing::pathFor(f.path)));
    f.close();
    CHECK(fileBytes(f.path).contains(QByteArrayLiteral("Invented Caller")));

    Result<DatabaseEncryption::Converted> converted
        = DatabaseEncryption::convert(f.path, QStringLiteral("root"), password, cheapHashing);
    INFO(converted.errorMessage().toStdString());
    REQUIRE(converted);
    CHECK(converted->referrals == referrals);
    CHECK(converted->events == events);
    CHECK_FALSE(converted->recoveryKey.isEmpty());
    const QStringList left = QDir(QFileInfo(f.path).absolutePath()).entryList(QDir::Files);
    CHECK(left == QStringList{QFileInfo(f.path).fileName(), QFileInfo(f.path).fileName() + QStringLiteral(".keys")});
    CHECK_FALSE(fileBytes(f.path).contains(QByteArrayLiteral("Invented Caller")));
    CHECK(SealedVfs::headerSaysSealed(fileBytes(f.path).left(100)));

    // Opened with the key the ring gives the password (and the recovery key): the same records, verified.
    Result<KeyRing> ring = KeyRing::load(converted->keyFile);
    REQUIRE(ring);
    Result<std::shared_ptr<SealingKey>> key = ring->unwrap(QStringLiteral("root"), password);
    REQUIRE(key);
    REQUIRE(ring->unwrapWithRecoveryKey(converted->recoveryKey));
    Store::Options options;
    options.sealing = *key;
    Store &store = f.reopen(options);
    CHECK(store.database().isSealed());
    Result<AuditVerifier::Report> report = AuditVerifier::verify(store.database());
    REQUIRE(report);
    CHECK(report->intact());
    f.close();

    // A second run: already encrypted, nothing changed.
    Result<DatabaseEncryption::Converted> again
        = DatabaseEncryption::convert(f.path, QStringLiteral("root"), password, cheapHashing);
    REQUIRE_FALSE(again);
    CHECK(again.errorMessage().contains(QLatin1String("already encrypted")));
    CHECK(fileDigest(f.path) != before);
}
