// Issue 20 from the command line, as IT and information governance would meet it: `frontdoor encrypt` on a
// database in use, every command asking the --as person's password for an encrypted file, a wrong one changing
// nothing, and a restore by the recovery key when the key file is lost.

#include "storefixture.h"
#include "support/testsupport.h"

#include "store/backupfiles.h"
#include "store/databasekeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString password = QStringLiteral("kettle on the windowsill");

QByteArray typed(const QString &text)
{
    return (text + u'\n').toUtf8();
}

QStringList on(const QString &db, const QStringList &arguments, const QString &as = QStringLiteral("root"))
{
    return arguments + QStringList{QStringLiteral("--db"), db, QStringLiteral("--as"), as};
}

// A plaintext database in use: invented referrals, an administrator "root" and a supervisor "sam".
void plaintextInUse(StoreFixture &f)
{
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    fillInvented(f);
    firstSupervisor(f->accounts(), QStringLiteral("sam"), password);
    f.close();
}

QString recoveryKeyIn(const QString &out)
{
    static const QRegularExpression key(QStringLiteral("\\b([A-Z2-9]{4}(?:-[A-Z2-9]{1,4}){12})\\b"));
    return key.match(out).captured(1);
}

} // namespace

TEST_CASE("frontdoor encrypt: an administrator's database becomes encrypted, verified, backed up, the others named")
{
    StoreFixture f;
    if (f.sealing)
        return; // this test makes its own plaintext file to convert
    plaintextInUse(f);
    REQUIRE(runFrontDoor({QStringLiteral("backup"), QStringLiteral("--db"), f.path}).exitCode == 0);

    Run bySupervisor = runFrontDoor(on(f.path, {QStringLiteral("encrypt")}, QStringLiteral("sam")), typed(password));
    CHECK(bySupervisor.exitCode == 2);
    CHECK(bySupervisor.err.contains(QStringLiteral("only an administrator")));
    Run wrong = runFrontDoor(on(f.path, {QStringLiteral("encrypt")}), typed(QStringLiteral("not the password")));
    CHECK(wrong.exitCode == 2);
    CHECK_FALSE(DatabaseKeys::isEncrypted(f.path)); // refused: still the plaintext file (the failed sign-in audited)
    CHECK_FALSE(QFileInfo::exists(KeyRing::pathFor(f.path)));

    Run encrypted = runFrontDoor(on(f.path, {QStringLiteral("encrypt")}), typed(password));
    INFO(encrypted.err.toStdString());
    REQUIRE(encrypted.exitCode == 0);
    CHECK(DatabaseKeys::isEncrypted(f.path));
    CHECK(encrypted.outText().contains(QStringLiteral("3 referrals")));
    CHECK(encrypted.outText().contains(QStringLiteral("resets their password")));
    CHECK(encrypted.outText().contains(QStringLiteral("): sam")));
    const QString recovery = recoveryKeyIn(encrypted.outText());
    REQUIRE_FALSE(recovery.isEmpty());
    CHECK(DatabaseKeys::unlockWithRecoveryKey(f.path, recovery.toLower()));

    // The trail says who encrypted it; the new backup is encrypted, with its wrapped keys beside it.
    Run verified
        = runFrontDoor(on(f.path, {QStringLiteral("verify-audit"), QStringLiteral("--full")}), typed(password));
    INFO(verified.err.toStdString());
    CHECK(verified.exitCode == 0);
    // Today's plaintext backup gave way to the encrypted one (one a day is kept); one of an earlier day stays, and
    // the command says so.
    const QStringList backups = BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path);
    REQUIRE_FALSE(backups.isEmpty());
    CHECK(DatabaseKeys::isEncrypted(backups.first()));
    CHECK(QFileInfo::exists(KeyRing::pathFor(backups.first())));
    const bool plaintextLeft = std::any_of(
        backups.begin(), backups.end(), [](const QString &backup) { return !DatabaseKeys::isEncrypted(backup); });
    CHECK(encrypted.outText().contains(QStringLiteral("are NOT encrypted")) == plaintextLeft);

    // Sam has no wrap until a reset; the reset gives one.
    CHECK_FALSE(DatabaseKeys::unlock(f.path, QStringLiteral("sam"), password));
    Run reset
        = runFrontDoor(on(f.path, {QStringLiteral("user"), QStringLiteral("reset"), QStringLiteral("sam")}),
                       typed(password) + "a fresh one for the supervisor 2026\na fresh one for the supervisor 2026\n");
    INFO(reset.err.toStdString());
    REQUIRE(reset.exitCode == 0);
    CHECK(DatabaseKeys::unlock(f.path, QStringLiteral("sam"), QStringLiteral("a fresh one for the supervisor 2026")));

    Run again = runFrontDoor(on(f.path, {QStringLiteral("encrypt")}), typed(password));
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("already encrypted")));
}

TEST_CASE("An encrypted database: each command asks the --as password, a wrong one or none changes nothing")
{
    StoreFixture f;
    if (f.sealing)
        return;
    plaintextInUse(f);
    REQUIRE(runFrontDoor(on(f.path, {QStringLiteral("encrypt")}), typed(password)).exitCode == 0);
    const QByteArray before = fileDigest(f.path);
    const QByteArray keysBefore = fileDigest(KeyRing::pathFor(f.path));

    const QList<QStringList> commands{
        {QStringLiteral("verify-audit")},
        {QStringLiteral("backup")},
        {QStringLiteral("user"), QStringLiteral("list")},
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")},
    };
    for (const QStringList &command : commands) {
        INFO(command.join(u' ').toStdString());
        Run anonymous = runFrontDoor(command + QStringList{QStringLiteral("--db"), f.path});
        CHECK(anonymous.exitCode != 0);
        CHECK(anonymous.err.contains(QStringLiteral("is encrypted: say who you are with --as NAME")));
        Run wrong = runFrontDoor(on(f.path, command), typed(QStringLiteral("not the password")));
        CHECK(wrong.exitCode != 0);
        CHECK(wrong.err.contains(QStringLiteral("That password does not open this database")));
    }
    CHECK(fileDigest(f.path) == before);
    CHECK(fileDigest(KeyRing::pathFor(f.path)) == keysBefore);

    // A lost key file is named, and nothing opens without it.
    QFile::rename(KeyRing::pathFor(f.path), f.path + QStringLiteral(".elsewhere"));
    Run lost = runFrontDoor(on(f.path, {QStringLiteral("verify-audit")}), typed(password));
    CHECK(lost.exitCode == 2);
    CHECK(lost.err.contains(QStringLiteral(".keys is missing")));
    CHECK(fileDigest(f.path) == before);
}

TEST_CASE("frontdoor restore --recovery-key: the key file lost, information governance's key brings the backup back")
{
    StoreFixture f;
    if (f.sealing)
        return;
    plaintextInUse(f);
    Run encrypted = runFrontDoor(on(f.path, {QStringLiteral("encrypt")}), typed(password));
    REQUIRE(encrypted.exitCode == 0);
    const QString recovery = recoveryKeyIn(encrypted.outText());
    REQUIRE_FALSE(recovery.isEmpty());
    QStringList backups = BackupFiles::list(BackupFiles::defaultFolder(f.path), f.path);
    REQUIRE(backups.size() == 1);
    const QString backup = backups.constFirst();

    QFile::remove(KeyRing::pathFor(f.path)); // the live file's key file is gone: no password opens it
    Run wrongKey = runFrontDoor(on(f.path, {QStringLiteral("restore"), backup, QStringLiteral("--recovery-key")}),
                                "AAAA-BBBB-CCCC\n" + typed(password));
    CHECK(wrongKey.exitCode == 2);
    CHECK(wrongKey.err.contains(QStringLiteral("That recovery key does not open this database")));

    Run restored = runFrontDoor(on(f.path, {QStringLiteral("restore"), backup, QStringLiteral("--recovery-key")}),
                                typed(recovery.toLower().replace(u'-', u' ')) + typed(password));
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(DatabaseKeys::isEncrypted(f.path));
    CHECK(QFileInfo::exists(KeyRing::pathFor(f.path)));
    // The restored file has a file id of its own and the backup's wraps: root's password opens it again.
    Run verified
        = runFrontDoor(on(f.path, {QStringLiteral("verify-audit"), QStringLiteral("--full")}), typed(password));
    INFO(verified.err.toStdString());
    CHECK(verified.exitCode == 0);
    CHECK(verified.outText().contains(QStringLiteral("3 referrals")));
}
