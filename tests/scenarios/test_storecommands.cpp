// The store's command line, as an information-governance officer or IT would use it: verify-audit, backup,
// restore — on a real database, through the real executable.

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "referral/fields.h"
#include "store/anchorlog.h"
#include "store/audittrail.h"
#include "store/backupfiles.h"
#include "training/trainingdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString adminPassword = QStringLiteral("kettle on the windowsill");

// Invented referrals and two accounts: "root" (an administrator) and "sam" (a supervisor), both adminPassword.
void fillWithAccounts(StoreFixture &f)
{
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    fillInvented(f);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), adminPassword);
    f.close();
}

QStringList restoreArgs(const QString &backup, const QString &db, const QString &as)
{
    return {QStringLiteral("restore"), backup, QStringLiteral("--db"), db, QStringLiteral("--as"), as};
}

QByteArray typed(const QString &password)
{
    return (password + u'\n').toUtf8();
}

} // namespace

TEST_CASE("frontdoor verify-audit reports OK with the count and head hash, or the first broken link")
{
    StoreFixture f;
    fillInvented(f); // three referrals, each begun and saved once: two events apiece
    f.close();

    Run ok = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    INFO(ok.err.toStdString());
    CHECK(ok.exitCode == 0);
    CHECK(ok.outText().contains(QStringLiteral("OK: 6 events, 3 referrals and 0 accounts checked, head ")));

    // The first run recorded its head: the next starts there (issue 21) and walks nothing older.
    Run again = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
    CHECK(again.exitCode == 0);
    CHECK(again.outText().contains(QStringLiteral("OK since event 6 (verified ")));
    CHECK(again.outText().contains(QStringLiteral(": 0 events, the 0 referrals they touched, 0 accounts and 1 "
                                                  "anchored heads checked")));
    CHECK(again.outText().contains(QStringLiteral("Last full run: ")));

    f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET user_id = 'u-forger' WHERE seq = 4"));
    Run broken
        = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path, QStringLiteral("--full")});
    CHECK(broken.exitCode == 1);
    CHECK(broken.err.contains(QStringLiteral("BROKEN at event 4")));
}

TEST_CASE("frontdoor backup and restore bring a damaged database back, verify-audit names the damage first")
{
    StoreFixture f;
    fillWithAccounts(f);

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

    // The damaged file cannot check a password: the backup's own administrator signs in.
    Run notAdmin = runFrontDoor(restoreArgs(backups.first(), f.path, QStringLiteral("sam")), typed(adminPassword));
    CHECK(notAdmin.exitCode == 2);
    CHECK(notAdmin.err.contains(QStringLiteral("only an administrator restores a backup")));
    CHECK(fileDigest(f.path) == damaged);
    Run wrong = runFrontDoor(restoreArgs(backups.first(), f.path, QStringLiteral("root")), "not the password\n");
    CHECK(wrong.exitCode == 2);
    CHECK(wrong.err.contains(QStringLiteral("Nothing was restored")));
    CHECK(fileDigest(f.path) == damaged);
    CHECK_FALSE(QFile::exists(f.path + QStringLiteral(".signing-in")));

    Run restored = runFrontDoor(restoreArgs(backups.first(), f.path, QStringLiteral("root")), typed(adminPassword));
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(restored.outText().contains(QStringLiteral("kept as")));
    CHECK(f.rawValue(QStringLiteral("SELECT user_id FROM audit WHERE kind = 'restored'")) == QStringLiteral("root"));

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
    Run refused = runFrontDoor(restoreArgs(junk, f.path, QStringLiteral("root")), typed(adminPassword));
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

TEST_CASE("frontdoor restore: an administrator of the live file, live never from training, two in one second",
          "[issue17]")
{
    StoreFixture f;
    fillWithAccounts(f);
    REQUIRE(runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path}).exitCode == 0);
    const QString backup = BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path).constFirst();

    // The live file opens, so its own accounts decide, and the restore is audited under the administrator.
    Run first = runFrontDoor(restoreArgs(backup, f.path, QStringLiteral("root")), typed(adminPassword));
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    Run second = runFrontDoor(restoreArgs(backup, f.path, QStringLiteral("root")), typed(adminPassword));
    INFO(second.err.toStdString());
    REQUIRE(second.exitCode == 0);
    // However close together, each restore keeps what it replaced under a name of its own.
    const QStringList kept = QDir(f.dir.filePath(QStringLiteral("cases")))
                                 .entryList({QStringLiteral("frontdoor.sqlite.replaced-*")}, QDir::Files);
    CHECK(kept.filter(QRegularExpression(QStringLiteral("replaced-\\d{8}-\\d{9}(-\\d+)?$"))).size() == 2);

    QTemporaryDir dir;
    const QString training = dir.filePath(QStringLiteral("training.sqlite"));
    REQUIRE(TrainingData::fill(training, norfolk(), 2, testNow()).value());
    REQUIRE(runFrontDoor({QStringLiteral("backup"), QStringLiteral("--training"), QStringLiteral("--db"), training})
                .exitCode == 0);
    const QString trainingBackup = BackupFiles::list(BackupFiles::defaultFolder(training), training).constFirst();
    const QByteArray live = fileDigest(f.path);
    Run intoLive = runFrontDoor(restoreArgs(trainingBackup, f.path, QStringLiteral("root")), typed(adminPassword));
    CHECK(intoLive.exitCode == 2);
    CHECK(intoLive.err.contains(QStringLiteral("never replaces the live database")));
    CHECK(fileDigest(f.path) == live);
    Run intoTraining = runFrontDoor(restoreArgs(backup, training, QStringLiteral("root")) << QStringLiteral("--training"),
                                    typed(adminPassword));
    CHECK(intoTraining.exitCode == 2);
    CHECK(intoTraining.err.contains(QStringLiteral("training mode never restores it")));
}

TEST_CASE("verify-audit --anchors: history deleted and the chain recomputed fails at the first anchored head it lost",
          "[issue17]")
{
    StoreFixture f;
    const QString anchors = f.dir.filePath(QStringLiteral("anchors/ws-frontdoor.sqlite.anchors"));
    Store::Options anchored;
    anchored.anchorFolder = QFileInfo(anchors).absolutePath();
    anchored.workstation = QStringLiteral("ws");
    f.reopen(anchored);
    fillInvented(f);
    REQUIRE(f->anchors().file() == anchors);
    const Result<Anchor> early = f->anchors().append(QStringLiteral("backup"));
    REQUIRE(early);
    fillInvented(f);
    const Result<Anchor> late = f->anchors().append(QStringLiteral("sign-out"));
    REQUIRE(late);
    f.close();
    CHECK((QFile::permissions(anchors) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);

    const QStringList verifying{QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path,
                                QStringLiteral("--anchors"), anchors};
    Run ok = runFrontDoor(verifying);
    INFO(ok.err.toStdString());
    REQUIRE(ok.exitCode == 0);
    CHECK(ok.outText().contains(QStringLiteral("OK: the trail holds all 2 anchored heads")));

    // Someone holding the file rewrites event `from` and recomputes every hash after it, and the head: the chain
    // alone verifies again.
    const auto rewriteFrom = [&f](qint64 from) {
        const QString guard = f.rawValue(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'audit_no_update'"));
        f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET user_id = 'u-forger' WHERE seq = %1")
                      .arg(from));
        QString previous
            = f.rawValue(QStringLiteral("SELECT lower(hex(hash)) FROM audit WHERE seq = %1").arg(from - 1));
        const qint64 last = f.rawValue(QStringLiteral("SELECT max(seq) FROM audit")).toLongLong();
        for (qint64 seq = from; seq <= last; ++seq) {
            const auto value = [&](const char *column) {
                return f.rawValue(QStringLiteral("SELECT %1 FROM audit WHERE seq = %2").arg(QLatin1String(column)).arg(seq));
            };
            const QString hash = AuditTrail::hashOf(seq, value("reference"), value("user_id"), value("at"),
                                                    value("kind"), value("payload"), previous);
            f.rawExec(QStringLiteral("UPDATE audit SET hash = X'%1' WHERE seq = %2").arg(hash).arg(seq));
            previous = hash;
        }
        f.rawExec(QStringLiteral("UPDATE audit_head SET hash = '%1'").arg(previous));
        f.rawExec(guard); // put back word for word: the guards look untouched
    };
    SECTION("history before both anchors rewritten: the first anchor is named")
    {
        rewriteFrom(2);
        // The recomputed chain verifies on its own; the head the first run verified, in this workstation's own
        // anchor log, does not.
        Run plain = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path});
        CHECK(plain.exitCode == 1);
        CHECK(plain.err.contains(QStringLiteral("(verified) — event %1").arg(late->sequence)));
        Run broken = runFrontDoor(verifying);
        CHECK(broken.exitCode == 1);
        CHECK(broken.err.contains(QStringLiteral("event %1, %2").arg(early->sequence).arg(early->hash)));
        CHECK(broken.err.contains(QStringLiteral("now hashes to")));
    }
    SECTION("history between the anchors rewritten: the first still holds, the second is named")
    {
        rewriteFrom(early->sequence + 1);
        Run broken = runFrontDoor(verifying);
        CHECK(broken.exitCode == 1);
        CHECK_FALSE(broken.err.contains(QStringLiteral("event %1,").arg(early->sequence)));
        CHECK(broken.err.contains(QStringLiteral("event %1, %2").arg(late->sequence).arg(late->hash)));
    }
}

TEST_CASE("frontdoor backup copies to IT's second folder, anchors the head, and exits 3 with fewer records",
          "[issue17]")
{
    StoreFixture f;
    fillWithAccounts(f);
    QTemporaryDir state;
    const QString share = f.dir.filePath(QStringLiteral("share"));
    const QString config = f.dir.filePath(QStringLiteral("config"));
    QDir().mkpath(config + QStringLiteral("/FrontDoor"));
    {
        QFile ini(config + QStringLiteral("/FrontDoor/frontdoor.conf"));
        REQUIRE(ini.open(QIODevice::WriteOnly));
        ini.write(QStringLiteral("[storage]\nsecondBackupFolder=%1\nanchorFolder=%2\n")
                      .arg(share, f.dir.filePath(QStringLiteral("anchors")))
                      .toUtf8());
    }
    const QMap<QString, QString> env{{QStringLiteral("XDG_CONFIG_HOME"), config}};
    Run made = runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path}, {}, env);
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    CHECK(made.outText().contains(QStringLiteral("Copied and verified: %1").arg(share)));
    CHECK(BackupFiles::list(share, f.path).size() == 1);
    const QStringList logs = QDir(f.dir.filePath(QStringLiteral("anchors"))).entryList({QStringLiteral("*.anchors")});
    REQUIRE(logs.size() == 1);
    Run anchoredOk = runFrontDoor({QStringLiteral("verify-audit"), QStringLiteral("--db"), f.path,
                                   QStringLiteral("--anchors"),
                                   f.dir.filePath(QStringLiteral("anchors/") + logs.constFirst())},
                                  {}, env);
    CHECK(anchoredOk.exitCode == 0);

    // A rollback to an older copy: the next backup holds fewer records — a warning and exit status 3.
    // (Kept aside: the same day's next backup thins the earlier one away, one per day being kept.)
    const QString older = f.dir.filePath(QStringLiteral("older.sqlite"));
    REQUIRE(QFile::copy(BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path).constFirst(), older));
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    fillInvented(f);
    f.close();
    QThread::msleep(5); // backups are named by the system clock's milliseconds
    REQUIRE(runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path}, {}, env).exitCode == 0);
    REQUIRE(runFrontDoor(restoreArgs(older, f.path, QStringLiteral("root")), typed(adminPassword), env).exitCode == 0);
    QThread::msleep(5);
    Run fewer = runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path}, {}, env);
    CHECK(fewer.exitCode == 3);
    CHECK(fewer.err.contains(QStringLiteral("holds fewer records than the one before it")));
}
