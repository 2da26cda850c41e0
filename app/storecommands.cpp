#include "storecommands.h"

#include "actingperson.h"
#include "passwordprompt.h"
#include "restoringadministrator.h"
#include "serversignin.h"
#include "store/anchorlog.h"
#include "store/auditverifier.h"
#include "store/backupfiles.h"
#include "store/backups.h"
#include "store/databasekeys.h"
#include "store/databaselocation.h"
#include "store/store.h"

#include <QFileInfo>
#include <QTextStream>

#include <pwd.h>
#include <unistd.h>

namespace FrontDoor::StoreCommands {

QString databasePath(const Options &options)
{
    if (!options.databasePath.isEmpty())
        return options.databasePath;
    const QString folder = options.settings.databaseFolder; // deployed by IT, or empty
    return options.training ? DatabaseLocation::defaultTrainingPath(folder) : DatabaseLocation::defaultPath(folder);
}

Store::Options storeOptions(const Options &options)
{
    Store::Options opening;
    opening.training = options.training;
    opening.backupFolder = options.settings.backupFolder; // empty: "backups" beside the database
    opening.secondBackupFolder = options.settings.secondBackupFolder;
    opening.anchorFolder = options.settings.anchorFolder;
    return opening;
}

Result<std::shared_ptr<SealingKey>> keyOf(const Options &options, const QString &path)
{
    if (!DatabaseKeys::isEncrypted(path))
        return std::shared_ptr<SealingKey>();
    if (options.actingAs.isEmpty())
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("%1 is encrypted: say who you are with --as NAME; your password opens it. "
                                        "Nothing was read from it.")
                             .arg(path));
    bool ok = false;
    const QString password = actingPassword(options, &ok);
    if (!ok)
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("no password was given; %1 is encrypted. Nothing was read from it.").arg(path));
    return DatabaseKeys::unlock(path, options.actingAs, password);
}

Result<std::unique_ptr<Store>> openStore(const Options &options, const QString &path, Store::Options opening)
{
    Result<std::shared_ptr<SealingKey>> key = keyOf(options, path);
    if (!key)
        return key.error();
    opening.sealing = *key;
    return Store::open(path, Clock::system(), opening);
}

Result<std::unique_ptr<Store>> openStore(const Options &options, const QString &path)
{
    return openStore(options, path, storeOptions(options));
}

namespace {

// Until sign-in exists (issue 5), the command line acts as the operating-system user, recorded as such.
Actor commandLineActor()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return Actor{QStringLiteral("os:") + (entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(::geteuid()))};
}

int fail(const QString &command, const QString &message)
{
    QTextStream(stderr) << "frontdoor " << command << ": " << message << '\n';
    return 2;
}

} // namespace

int verifyAudit(const Options &options)
{
    // Team mode: the server's trail, its referrals, derived rows, guards and accounts, read by the person signing in
    // (a supervisor, who may read every case; or the database administrator). Every run is a full one: the local
    // anchor log is a workstation's, not the server's.
    if (!options.server.isEmpty()) {
        Result<std::unique_ptr<Database>> server = signInToServer(options);
        if (!server)
            return fail(QStringLiteral("verify-audit"), server.errorMessage());
        Result<AuditVerifier::Report> report = AuditVerifier::verify(**server);
        if (!report)
            return fail(QStringLiteral("verify-audit"), report.errorMessage());
        QTextStream(report->intact() ? stdout : stderr) << (*server)->path() << ": " << report->summary() << '\n';
        return report->intact() ? 0 : 1;
    }
    const QString path = databasePath(options);
    Store::Options readOnly = storeOptions(options);
    readOnly.readOnly = true;
    Result<std::unique_ptr<Store>> store = openStore(options, path, readOnly);
    if (!store)
        return fail(QStringLiteral("verify-audit"), withBackupAdvice(store.error(), path, options.settings.backupFolder));
    AnchorLog &anchorLog = (*store)->anchors();
    Result<AuditVerifier::Report> report = AuditVerifier::verifyAnchored(
        (*store)->database(),
        anchorLog.file(),
        options.full ? AuditVerifier::Scope::Full : AuditVerifier::Scope::SinceCheckpoint,
        AnchorLog::selectionFor((*store)->database().path()));
    if (!report)
        return fail(QStringLiteral("verify-audit"), report.errorMessage());
    QTextStream(report->intact() ? stdout : stderr) << path << ": " << report->summary() << '\n';
    if (report->intact()) {
        // The next run's checkpoint (issue 21); without it the next run is a full one again, so only a warning.
        if (Result<Anchor> recorded = anchorLog.appendHead(
                report->chain.headSequence, report->chain.headHash, AuditVerifier::verifiedOccasion(*report));
            !recorded)
            QTextStream(stderr) << "frontdoor verify-audit: warning: " << recorded.errorMessage() << '\n';
    }
    if (options.anchors.isEmpty())
        return report->intact() ? 0 : 1;

    Result<AnchorLog::Check> anchors = AnchorLog::check((*store)->database(), options.anchors);
    if (!anchors)
        return fail(QStringLiteral("verify-audit"), anchors.errorMessage());
    if (!anchors->ok()) {
        QTextStream(stderr) << options.anchors << ": BROKEN: " << anchors->problem << '\n';
        return 1;
    }
    QTextStream(stdout) << options.anchors << ": OK: the trail holds all " << anchors->checked << " anchored heads"
                        << (anchors->superseded ? QStringLiteral(" since the last restore (%1 before it not compared)")
                                                      .arg(anchors->superseded)
                                                : QString())
                        << '\n';
    return report->intact() ? 0 : 1;
}

int backup(const Options &options)
{
    const QString path = databasePath(options);
    if (!QFileInfo::exists(path))
        return fail(QStringLiteral("backup"), QStringLiteral("%1: there is no database here.").arg(path));
    Result<std::unique_ptr<Store>> store = openStore(options, path);
    if (!store)
        return fail(QStringLiteral("backup"), withBackupAdvice(store.error(), path, options.settings.backupFolder));
    Result<Backups::Made> made = (*store)->backUp(commandLineActor());
    if (!made)
        return fail(QStringLiteral("backup"), made.errorMessage());
    QTextStream out(stdout);
    out << "Backed up and verified: " << made->file << " (" << made->bytes << " bytes"
        << (made->removed ? QStringLiteral(", %1 older removed").arg(made->removed) : QString()) << ")\n";
    if (!made->secondFile.isEmpty())
        out << "Copied and verified: " << made->secondFile << '\n';
    for (const QString &warning : made->warnings)
        QTextStream(stderr) << "frontdoor backup: warning: " << warning << '\n';
    return made->warnings.isEmpty() ? 0 : 3;
}

namespace {

// An encrypted backup's key (issue 20): the --as administrator's wrap in <backup>.keys, or with --recovery-key the
// recovery key information governance kept, typed at the prompt. Empty for a plaintext backup.
Result<std::shared_ptr<SealingKey>> backupKeyOf(const Options &options, const QString &backupFile, QString &recovery)
{
    if (!DatabaseKeys::isEncrypted(backupFile))
        return std::shared_ptr<SealingKey>();
    if (!options.recoveryKey)
        return keyOf(options, backupFile);
    bool ok = false;
    recovery = PasswordPrompt::read(QStringLiteral("Recovery key of %1").arg(QFileInfo(backupFile).fileName()), &ok);
    if (!ok)
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("no recovery key was given."));
    return DatabaseKeys::unlockWithRecoveryKey(backupFile, recovery);
}

} // namespace

int restore(const Options &options)
{
    if (options.commandArguments.size() != 1)
        return fail(QStringLiteral("restore"),
                    QStringLiteral("give one backup file: frontdoor restore FILE [--db PATH] [--recovery-key] --as "
                                   "ADMIN"));
    const QString path = databasePath(options);
    const QString backupFile = options.commandArguments.constFirst();
    QString recovery;
    Result<std::shared_ptr<SealingKey>> key = backupKeyOf(options, backupFile, recovery);
    if (!key)
        return fail(QStringLiteral("restore"), key.errorMessage() + QStringLiteral(" Nothing was restored."));
    if (Result<AuditVerifier::Report> verified = Backups::verify(backupFile, {}, {}, *key); !verified)
        return fail(QStringLiteral("restore"), verified.errorMessage() + QStringLiteral(" Nothing was restored."));
    Result<Actor> admin = RestoringAdministrator::signIn(options, path, backupFile, *key);
    if (!admin)
        return fail(QStringLiteral("restore"), admin.errorMessage() + QStringLiteral(" Nothing was restored."));
    Result<QString> keptAs = Backups::restore(backupFile, path, Clock::system().now(), *admin, options.training, *key);
    if (!keptAs)
        return fail(QStringLiteral("restore"), keptAs.errorMessage());
    QTextStream out(stdout);
    out << "Restored " << path << " from " << backupFile << '\n';
    if (!keptAs->isEmpty())
        out << "The file it replaced is kept as " << *keptAs << '\n';
    // The anchors before this belong to the history the restore replaced: the log says where it starts again.
    Store::Options opening = storeOptions(options);
    if (*key) { // the restored file's key file holds the backup's wraps: the same password or recovery key opens it
        Result<std::shared_ptr<SealingKey>> restoredKey
            = recovery.isEmpty() ? keyOf(options, path) : DatabaseKeys::unlockWithRecoveryKey(path, recovery);
        if (restoredKey)
            opening.sealing = *restoredKey;
    }
    Result<std::unique_ptr<Store>> restored = Store::open(path, Clock::system(), opening);
    if (Result<Anchor> anchored = restored ? (*restored)->anchors().append(QStringLiteral("restore"))
                                           : Result<Anchor>(restored.error());
        !anchored)
        QTextStream(stderr) << "frontdoor restore: warning: " << anchored.errorMessage() << '\n';
    return 0;
}

} // namespace FrontDoor::StoreCommands
