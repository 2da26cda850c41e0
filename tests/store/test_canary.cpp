// Issue 20's proof: invented referrals with canary words in every kind of field, edited (the old values go into the
// audit trail), viewed and backed up — then every file the store wrote is searched for each canary as UTF-8, UTF-16
// (both byte orders) and hex. On an encrypted file: none found. The control, the same on a plaintext file: found.
// FRONTDOOR_CANARY_REFERRALS sets how many (10,000 in the slow run).
#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "store/keyring.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// One canary for each kind of field; a referral's value is the canary and its number.
const QStringList canaries{QStringLiteral("Qzxchildname"),
                           QStringLiteral("Qzxaliasword"),
                           QStringLiteral("Qzxschoolword"),
                           QStringLiteral("Qzxaddressword"),
                           QStringLiteral("Qzxpostword"),
                           QStringLiteral("Qzxcallername"),
                           QStringLiteral("Qzxconcernfirst"),
                           QStringLiteral("Qzxconcernlater"),
                           QStringLiteral("Qzxrolewords")};

// Every encoding a reader of the raw bytes might look for.
QList<QByteArray> encodings(const QString &canary)
{
    const QByteArray utf8 = canary.toUtf8();
    QByteArray le, be;
    for (const QChar c : canary) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    return {utf8, utf8.toLower(), le, be, utf8.toHex(), utf8.toHex().toUpper()};
}

// Each file under `folder` (and SQLite's own temporary files), with the canaries it holds.
QStringList found(const QString &folder)
{
    QStringList files;
    QDirIterator all(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (all.hasNext())
        files.append(all.next());
    QDirIterator temporary(QDir::tempPath(), {QStringLiteral("etilqs_*")}, QDir::Files);
    while (temporary.hasNext())
        files.append(temporary.next());
    QStringList hits;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QString &canary : canaries)
            for (const QByteArray &encoded : encodings(canary))
                if (bytes.contains(encoded)) {
                    hits.append(QStringLiteral("%1 in %2").arg(canary, QFileInfo(path).fileName()));
                    break;
                }
    }
    return hits;
}

// `count` referrals typed, edited, viewed and backed up twice; the files searched while the store is open and
// again after it closed.
QStringList fillAndSearch(StoreFixture &f, int count)
{
    for (int i = 0; i < count; ++i) {
        const QString n = QString::number(i);
        StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = d.referral;
        r.children[0].answers.insert(QStringLiteral("name"),
                                     Answer::given(canaries.at(0) + n + QStringLiteral(" Test")));
        r.children[0].answers.insert(QStringLiteral("aliases"), Answer::given(canaries.at(1) + n));
        r.children[0].answers.insert(QStringLiteral("school"),
                                     Answer::given(canaries.at(2) + n + QStringLiteral(" Primary")));
        r.setAnswer(Field::familyAddress,
                    Answer::given(QStringLiteral("1 ") + canaries.at(3) + n + QStringLiteral(" Road")));
        r.setAnswer(Field::familyPostcode, Answer::given(canaries.at(4) + n));
        r.setAnswer(Field::referrerName, Answer::given(canaries.at(5) + n));
        r.setAnswer(u"concern.nature", Answer::given(canaries.at(6) + n + QStringLiteral(" said at school")));
        Result<SaveReceipt> saved = f->referrals().save(r, d.revision, handler);
        REQUIRE(saved);
        // An edit: the first concern text is now only an old value in the trail.
        r.setAnswer(u"concern.nature", Answer::given(canaries.at(7) + n));
        r.setAnswer(Field::referrerRole, Answer::given(canaries.at(8) + n));
        REQUIRE(f->referrals().save(r, saved->revision, handler));
        REQUIRE(f->referrals().flush(r.reference));
        if (i % 50 == 0)
            REQUIRE(f->referrals().recordAccess(r.reference, supervisor, AuditKind::Viewed));
        if (i == count / 2) {
            Result<Backups::Made> made = f->backUp(handler);
            INFO(made.errorMessage().toStdString());
            REQUIRE(made);
        }
    }
    Result<Backups::Made> made = f->backUp(handler);
    INFO(made.errorMessage().toStdString());
    REQUIRE(made);
    QStringList hits = found(f.dir.path());
    f.close();
    hits += found(f.dir.path());
    hits.removeDuplicates();
    return hits;
}

} // namespace

TEST_CASE(
    "Issue 20 canaries: no canary of any field, old value or backup is readable anywhere an encrypted store wrote")
{
    StoreFixture f;
    // A fresh encrypted database in the fixture's folder, its key wrapped beside it.
    f.close();
    const QString path = f.dir.filePath(QStringLiteral("cases/encrypted.sqlite"));
    f.path = path;
    Result<KeyRing::Created> created
        = KeyRing::create(handler.userId, QStringLiteral("an invented password"), cheapHashing);
    REQUIRE(created);
    REQUIRE(created->ring.save(KeyRing::pathFor(path)));
    QFile::remove(f.dir.filePath(QStringLiteral("cases/frontdoor.sqlite")));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(f.dir.filePath(QStringLiteral("cases/frontdoor.sqlite") + suffix));
    QDir(f.dir.filePath(QStringLiteral("cases/backups"))).removeRecursively();
    Store::Options options;
    options.sealing = created->key;
    f.reopen(options);
    REQUIRE(f->database().isSealed());

    const QStringList hits = fillAndSearch(f, FRONTDOOR_CANARY_REFERRALS);
    INFO(hits.join(QStringLiteral("; ")).toStdString());
    CHECK(hits.isEmpty());
}

TEST_CASE("Issue 20 canaries, the control: the same run on a plaintext store finds every canary")
{
    StoreFixture f;
    const QStringList hits = fillAndSearch(f, std::max(20, FRONTDOOR_CANARY_REFERRALS / 100));
    for (const QString &canary : canaries) {
        INFO(canary.toStdString());
        CHECK(std::any_of(hits.cbegin(), hits.cend(), [&](const QString &hit) { return hit.startsWith(canary); }));
    }
}
