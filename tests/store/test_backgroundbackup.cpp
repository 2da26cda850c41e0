// Issue 21: the day's first backup of a county's file is made on a thread of its own while the window answers
// (Backups::carryOut, BackgroundBackup). With FRONTDOOR_ENCRYPTED, the same on an encrypted file.

#include "storefixture.h"

#include "referral/fields.h"
#include "store/backgroundbackup.h"
#include "store/backupfiles.h"
#include "store/backups.h"
#include "store/holding.h"
#include "store/interruption.h"
#include "support/referralbuilder.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

#ifdef FRONTDOOR_ENCRYPTED
const bool encrypted = qputenv("FRONTDOOR_TEST_KEY_PASSWORD", "an invented test password");
#endif

void saveInvented(StoreFixture &f, int i)
{
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = d.referral;
    r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Invented Caller %1").arg(i)));
    r.setAnswer(u"concern.nature", Answer::given(QString(3000, u'x')));
    REQUIRE(f->referrals().save(r, d.revision, handler));
}

// Whatever a backup folder holds: names only.
QStringList folderContents(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// Files a stopped backup must not leave: a partial copy, or wrapped keys beside no backup.
QStringList leftBehind(const QString &folder)
{
    QStringList stray;
    for (const QString &name : folderContents(folder)) {
        if (name.endsWith(QLatin1String(".partial")))
            stray << name;
        if (name.endsWith(QLatin1String(".keys")) && !QFileInfo::exists(QDir(folder).filePath(name.chopped(5))))
            stray << name;
    }
    return stray;
}

// Waits for the backup's outcome, saving a referral each time round as a call-handler would go on typing; how many
// saves were made while the copy ran.
int whileItRuns(StoreFixture &f, BackgroundBackup &backup, int &next)
{
    int savedMeanwhile = 0;
    QEventLoop loop;
    QObject::connect(&backup, &BackgroundBackup::finished, &loop, &QEventLoop::quit);
    const QDeadlineTimer deadline(120'000);
    while (backup.isRunning() && !deadline.hasExpired()) {
        saveInvented(f, next++);
        ++savedMeanwhile;
        loop.processEvents(QEventLoop::AllEvents, 5);
    }
    return savedMeanwhile;
}

} // namespace

TEST_CASE("The day's backup is made on a thread of its own: saves go on meanwhile, and the copy is verified and "
          "holds the moment it began",
          "[issue21]")
{
    StoreFixture f;
    int next = 0;
    while (next < 150)
        saveInvented(f, next++);
    Result<Backups::Job> job = f->prepareBackUp(handler);
    REQUIRE(job);
    BackgroundBackup backup;
    backup.start(*job);
    CHECK(backup.isRunning());
    const int savedMeanwhile = whileItRuns(f, backup, next);
    INFO("saved while the copy ran: " << savedMeanwhile);
    REQUIRE_FALSE(backup.isRunning());
    REQUIRE(backup.result().has_value());
    Result<Backups::Made> made = f->finishBackUp(*backup.result());
    REQUIRE(made);
    CHECK(made->warnings.isEmpty());
    CHECK(QFileInfo(made->file).permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(leftBehind(f->backupFolder()).isEmpty());
    // The copy verifies on its own, holds at least what was there when it began, and nothing was lost from the file.
    Result<AuditVerifier::Report> verified = Backups::verify(made->file, {}, {}, f.keyOf(made->file));
    REQUIRE(verified);
    CHECK(verified->intact());
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM referrals")).toInt() == next);
    // The next backup starts from the copy's verified head (the anchor the finish wrote).
    Result<QList<Anchor>> anchors = AnchorLog::read(f->anchors().file());
    REQUIRE(anchors);
    REQUIRE(anchors->size() >= 2);
    CHECK(anchors->last().occasion == QStringLiteral("backup"));
    CHECK(anchors->at(anchors->size() - 2).sequence == verified->chain.headSequence);
}

TEST_CASE("A backup stopped (the screen locks, the window closes) leaves nothing behind, and is made when started "
          "again",
          "[issue21]")
{
    StoreFixture f;
    for (int i = 0; i < 60; ++i)
        saveInvented(f, i);
    const QString folder = f->backupFolder();

    SECTION("stopped before its first step: no copy, no wrapped keys, an error that says so")
    {
        Result<Backups::Job> job = f->prepareBackUp(handler);
        REQUIRE(job);
        Interruption stopped;
        stopped.stop();
        Result<Backups::Made> made = Backups::carryOut(*job, &stopped);
        REQUIRE_FALSE(made);
        CHECK(made.errorMessage().contains(QStringLiteral("stopped")));
        CHECK(folderContents(folder).isEmpty());
    }
    SECTION("stopped on its thread at once: the thread is gone, and what is left is a whole backup or nothing")
    {
        Result<Backups::Job> job = f->prepareBackUp(handler);
        REQUIRE(job);
        BackgroundBackup backup;
        backup.start(*job);
        backup.stop();
        CHECK_FALSE(backup.isRunning());
        REQUIRE(backup.result().has_value());
        CHECK_FALSE(*backup.result());
        CHECK(leftBehind(folder).isEmpty());
        for (const QString &file : BackupFiles::list(folder, f.path))
            CHECK(Backups::verify(file, {}, {}, f.keyOf(file)));

        // The trail says the backup it had begun was never made: the next one's event replaces it.
        Result<Backups::Job> again = f->prepareBackUp(handler);
        REQUIRE(again);
        CHECK(f.rawValue(QStringLiteral("SELECT json_extract(payload, '$.replaces') FROM audit WHERE kind = "
                                        "'backupMade' ORDER BY seq DESC LIMIT 1"))
              == job->name);
        CHECK_FALSE(QFileInfo::exists(QDir(folder).filePath(job->name)));
        backup.start(*again);
        int next = 60;
        whileItRuns(f, backup, next);
        REQUIRE(backup.result().has_value());
        Result<Backups::Made> made = f->finishBackUp(*backup.result());
        REQUIRE(made);
        CHECK(Backups::verify(made->file, {}, {}, f.keyOf(made->file)));
        CHECK(leftBehind(folder).isEmpty());
    }
    SECTION("stopped after its thread had made it whole: the outcome is kept to be anchored, not dropped")
    {
        Result<Backups::Job> job = f->prepareBackUp(handler);
        REQUIRE(job);
        BackgroundBackup backup;
        backup.start(*job);
        REQUIRE(backup.waitForWork(120'000)); // finished, its outcome posted but not yet delivered
        CHECK(backup.stop());
        REQUIRE(backup.result().has_value());
        REQUIRE(*backup.result());
        Result<Backups::Made> made = f->finishBackUp(*backup.result());
        REQUIRE(made);
        CHECK(BackupFiles::list(folder, f.path) == QStringList{made->file});
        Result<QList<Anchor>> anchors = AnchorLog::read(f->anchors().file());
        REQUIRE(anchors);
        REQUIRE(anchors->size() >= 2);
        CHECK(anchors->last().occasion == QStringLiteral("backup"));
        CHECK(anchors->at(anchors->size() - 2).sequence == made->verified.chain.headSequence);
        // Made: the next backup replaces nothing.
        REQUIRE(f->prepareBackUp(handler));
        CHECK(f.rawValue(QStringLiteral("SELECT json_extract(payload, '$.replaces') IS NULL FROM audit WHERE kind = "
                                        "'backupMade' ORDER BY seq DESC LIMIT 1"))
                  .toInt()
              == 1);
    }
}
