// The store's command line, as an information-governance officer or IT would use it: verify-audit, backup,
// restore — on a real database, through the real executable.

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "referral/fields.h"
#include "store/backupfiles.h"
#include "training/trainingdata.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("frontdoor verify-audit reports OK with the count and head hash, or the first broken link")
{
    StoreFixture f;
    fillInvented(f);
    f.close();

    Run ok = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.outText().contains(QStringLiteral("OK: 9 events, 3 referrals and 0 accounts checked, head ")));

    f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET user_id = 'u-forger' WHERE seq = 4"));
    Run broken = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    CHECK(broken.exitCode == 1);
    CHECK(broken.err.contains(QStringLiteral("BROKEN at event 4")));
}

TEST_CASE("frontdoor backup and restore bring a damaged database back, verify-audit names the damage first")
{
    StoreFixture f;
    fillInvented(f);
    f.close();

    Run backup = runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path});
    INFO(backup.err.toStdString());
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.outText().contains(QStringLiteral("Backed up and verified")));
    const QStringList backups = BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path);
    REQUIRE(backups.size() == 1);

    { // damage the database: its first page
        QFile file(f.path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(64, '\0'));
    }
    const QByteArray damaged = fileDigest(f.path);
    Run refused = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(f.path));
    CHECK(refused.err.contains(backups.first()));
    CHECK(refused.err.contains(QStringLiteral("frontdoor restore")));
    CHECK(fileDigest(f.path) == damaged);

    Run restored = runFrontDoor({QStringLiteral("restore"), backups.first(), QStringLiteral("--db"), f.path});
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(restored.outText().contains(QStringLiteral("kept as")));

    Run again = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    INFO(again.err.toStdString());
    CHECK(again.exitCode == 0);
    f.reopen();
    CHECK(f->queries().count(ReferralFilter{}).value() == 3);
}

TEST_CASE("frontdoor restore refuses a file that is not a good backup")
{
    StoreFixture f;
    fillInvented(f);
    f.close();
    const QString junk = f.dir.filePath(QStringLiteral("junk.sqlite"));
    QFile file(junk);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'j'));
    file.close();
    const QByteArray before = fileDigest(f.path);
    Run refused = runFrontDoor({QStringLiteral("restore"), junk, QStringLiteral("--db"), f.path});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("Nothing was restored")));
    CHECK(fileDigest(f.path) == before);
}

TEST_CASE("frontdoor verify-audit and backup open a training database only with --training, and a live one never with it")
{
    QTemporaryDir dir;
    const QString training = dir.filePath(QStringLiteral("training.sqlite"));
    REQUIRE(TrainingData::fill(training, norfolk(), 5, testNow()).value());

    Run refused = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), training});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("--training")));
    Run ok = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--training"), QStringLiteral("--db"), training});
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.outText().contains(QStringLiteral("OK")));
    Run backup = runFrontDoor({QStringLiteral("backup"), QStringLiteral("--training"), QStringLiteral("--db"), training});
    CHECK(backup.exitCode == 0);

    StoreFixture f;
    fillInvented(f);
    f.close();
    Run notLive = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--training"), QStringLiteral("--db"), f.path});
    CHECK(notLive.exitCode == 2);
    CHECK(notLive.err.contains(QStringLiteral("holds live cases")));
}
