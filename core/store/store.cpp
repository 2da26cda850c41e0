#include "store/store.h"

#include "store/searchmigration.h"
#include "store/serveraccounts.h"

#include "store/accounttrail.h"
#include "store/backupfiles.h"
#include "store/backups.h"
#include "store/databasekeys.h"
#include "store/storedtime.h"

#include <QSysInfo>
#include <QThread>
#include <QUuid>

namespace FrontDoor {

namespace {
QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}
} // namespace

Store::Store(std::unique_ptr<Database> database, const Clock &clock, const Options &options)
    : m_database(std::move(database))
    , m_clock(clock)
    , m_backupFolder(orDefault(options.backupFolder, BackupFiles::defaultFolder(m_database->path())))
    , m_secondBackupFolder(options.secondBackupFolder)
    , m_workstation(orDefault(options.workstation, QSysInfo::machineHostName()))
    , m_calendar(options.holidays ? *options.holidays : BankHolidays::current())
    , m_referrals(*m_database,
                  clock,
                  m_calendar,
                  orDefault(options.instanceId, QUuid::createUuid().toString(QUuid::WithoutBraces)))
    , m_queries(*m_database)
    , m_locks(*m_database, clock, m_referrals.instanceId(), m_workstation)
    , m_accounts(*m_database, clock, options.passwordCost)
    , m_anchors(*m_database,
                clock,
                AnchorLog::fileIn(orDefault(options.anchorFolder, AnchorLog::defaultFolder()), m_database->path(),
                                  m_workstation),
                m_workstation)
{}

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Clock &clock, const Options &options)
{
    // Two programs opening one file at the same moment can meet SQLite's "busy" where its busy handler does not wait
    // (a WAL being recovered, a read snapshot gone stale before the open's first write): the open is tried again
    // for a few seconds, as a person told "try again" would, before that is said. Found by the two-process test.
    Result<std::unique_ptr<Store>> opened = openOnce(path, clock, options);
    for (int attempt = 1; !opened && opened.error().code == ErrorCode::DatabaseBusy && attempt <= 20; ++attempt) {
        QThread::msleep(static_cast<unsigned long>(20 * attempt));
        opened = openOnce(path, clock, options);
    }
    return opened;
}

Result<std::unique_ptr<Store>> Store::openOnce(const QString &path, const Clock &clock, const Options &options)
{
    const QString backupFolder = orDefault(options.backupFolder, BackupFiles::defaultFolder(path));
    Database::Options opening{options.readOnly,
                              options.quickCheck,
                              backupFolder,
                              options.training,
                              {},
                              options.sealing,
                              options.checkpointBetweenSaves};
    opening.duringStep = [&clock](Database &database, int version) -> Status {
        if (version == 3)
            return AccountTrail::recordExisting(database, clock.now());
        if (version == 5)
            return SearchMigration::reindex(database);
        return Status{};
    };
    Result<std::unique_ptr<Database>> database = Database::open(path, opening);
    if (!database)
        return database.error();
    // Live and training cases never meet: each opening says which it wants, and the file's header decides.
    if ((*database)->isTraining() && !options.training)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 is a training database of invented cases: open it with frontdoor "
                                        "--training. Nothing was changed.").arg(path));
    if (!(*database)->isTraining() && options.training)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 holds live cases: training mode never opens it. Nothing was changed.")
                             .arg(path));
    std::unique_ptr<Store> store(new Store(std::move(*database), clock, options));
    if (!options.readOnly) {
        // A crash can leave a typing burst saved but not yet in the trail: write it now.
        if (Status flushed = store->m_referrals.flushAll(); !flushed)
            return flushed.error();
        if (Result<QSqlQuery *> pruned = store->m_database->exec(
                QStringLiteral("events.prune"),
                {{"before", StoredTime::text(clock.now().addDays(-7))}});
            !pruned)
            return pruned.error();
    }
    return store;
}

Result<std::unique_ptr<Store>> Store::connect(const ServerLogin &login, const Clock &clock, const Options &options)
{
    Result<std::unique_ptr<Database>> database = Database::connect(login);
    if (!database)
        return database.error();
    std::unique_ptr<Store> store(new Store(std::move(*database), clock, options));
    Result<std::unique_ptr<OfflineSpool>> spool
        = OfflineSpool::open(options.spoolFolder.isEmpty() ? OfflineSpool::defaultRoot() : options.spoolFolder,
                             store->database(),
                             store->m_calendar);
    if (!spool)
        return spool.error();
    store->m_spool = std::move(*spool);
    // A workstation killed mid-burst left its typing pending on the server: it goes into the trail now. An
    // administrator types no calls, and may not read the referrals: nothing of theirs can be pending.
    Result<Account> account = ServerAccounts(store->database(), clock).find(store->database().serverUser());
    if (!account)
        return account.error();
    if (account->role != Role::Administrator) {
        if (Status flushed = store->m_referrals.flushAll(); !flushed)
            return flushed.error();
        // Its one-statement saves made ready on the server, so that the first of them is as quick as the rest.
        if (Status ready = store->m_referrals.readyTeamSaves(); !ready)
            return ready.error();
    }
    store->m_serverAccount = std::move(*account);
    return store;
}

Result<Backups::Made> Store::backUp(const Actor &actor)
{
    Result<Backups::Job> job = prepareBackUp(actor);
    if (!job)
        return job.error();
    return finishBackUp(Backups::carryOut(*job));
}

Result<Backups::Job> Store::prepareBackUp(const Actor &actor)
{
    if (m_database->isServer())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("In team mode the server is backed up by its administrators (a base backup "
                                        "and WAL archiving, see the README's Team mode); Front Door makes no copy of "
                                        "it."));
    Result<Backups::Job> job = Backups::prepare(
        *m_database, m_backupFolder, m_clock.now(), actor, m_secondBackupFolder, m_anchors.file(), m_unmadeBackup);
    if (job)
        m_unmadeBackup = job->name; // until finishBackUp() is given it made
    return job;
}

Result<Backups::Made> Store::finishBackUp(Result<Backups::Made> made)
{
    if (!made)
        return made;
    m_unmadeBackup.clear();
    // The copy's verified head is the next backup's checkpoint (issue 21): it verifies only what came after.
    const AuditTrail::Verification &copy = made->verified.chain;
    if (Result<Anchor> verified
        = m_anchors.appendHead(copy.headSequence, copy.headHash, AuditVerifier::verifiedOccasion(made->verified));
        !verified)
        made->warnings.append(verified.errorMessage());
    else if (Result<Anchor> anchored = m_anchors.append(QStringLiteral("backup")); !anchored)
        made->warnings.append(anchored.errorMessage());
    return made;
}

QString withBackupAdvice(const Error &error,
                         const QString &databasePath,
                         const QString &backupFolder,
                         const std::shared_ptr<const SealingKey> &key)
{
    if (error.code != ErrorCode::DatabaseCorrupt)
        return error.message;
    const QString folder = orDefault(backupFolder, BackupFiles::defaultFolder(databasePath));
    const QString latest = Backups::latestVerified(folder, databasePath, key);
    if (!latest.isEmpty())
        return error.message
               + QStringLiteral(" The latest backup that passes its checks is %1; to restore it: frontdoor restore "
                                "\"%1\" --db \"%2\" (the damaged file is kept).")
                     .arg(latest, databasePath);
    // Without the key, an encrypted backup cannot be checked here: it is named, and restore checks it first.
    if (const QString newest = BackupFiles::list(folder, databasePath).value(0);
        !key && !newest.isEmpty() && DatabaseKeys::isEncrypted(newest))
        return error.message
               + QStringLiteral(" The latest backup is %1 (encrypted: its checks run when it is restored); to restore "
                                "it: frontdoor restore \"%1\" --db \"%2\" --as ADMIN (the damaged file is kept).")
                     .arg(newest, databasePath);
    return error.message + QStringLiteral(" No backup that passes its checks was found in %1.").arg(folder);
}

} // namespace FrontDoor
