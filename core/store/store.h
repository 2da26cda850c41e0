#pragma once

#include "calendar/workingcalendar.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/accounts.h"
#include "store/anchorlog.h"
#include "store/backups.h"
#include "store/caselocks.h"
#include "store/database.h"
#include "store/offlinespool.h"
#include "store/referralqueries.h"
#include "store/referralrepository.h"

#include <memory>
#include <optional>

namespace FrontDoor {

// One opened Front Door database and the services over it. Opening checks the file (Database::open), writes any
// typing burst left pending by a crash to the audit trail, and forgets change notices older than a week.
// Owns the Database; the services hold references to it.
class Store
{
public:
    struct Options
    {
        bool readOnly = false;
        bool quickCheck = true;
        QString backupFolder;   // default: BackupFiles::defaultFolder(path)
        QString instanceId;     // default: a new random id (one per running program)
        QString workstation;    // default: the host name
        bool training = false;  // open (or create) a training database; a live one is then refused, and the
                                // other way round
        PasswordHasher::Cost passwordCost;      // Argon2id's cost for the accounts; tests make it cheap
        const BankHolidays *holidays = nullptr; // the working days' holidays; null: the installed list
                                                // (BankHolidays::current()). Not owned; outlives the Store.
        QString secondBackupFolder; // IT's second copy of every backup (a share); none when empty
        QString anchorFolder;   // where the chain's head is copied (IT's [storage] anchorFolder); default:
                                // AnchorLog::defaultFolder()
        QString spoolFolder;    // team mode: where edits the server could not take are kept (OfflineSpool);
                                // default: OfflineSpool::defaultRoot()
        std::shared_ptr<const SealingKey> sealing; // an encrypted database's key (issue 20); none: plaintext
        bool checkpointBetweenSaves = false;       // the window's store (Database::Options, issue 21)
    };

    static Result<std::unique_ptr<Store>> open(const QString &path, const Clock &clock, const Options &options);
    static Result<std::unique_ptr<Store>> open(const QString &path, const Clock &clock = Clock::system())
    {
        return open(path, clock, Options{});
    }

    // Team mode (issue 19): the same services over the team's PostgreSQL server, signed in as `login.user` — who
    // must be the Actor of everything done through it (the server records events under that name only). The
    // person's offline spool on this computer is opened too: a sign-in that could not keep typing safe is refused.
    static Result<std::unique_ptr<Store>> connect(const ServerLogin &login, const Clock &clock, const Options &options);

    Database &database() { return *m_database; }
    ReferralRepository &referrals() { return m_referrals; }
    ReferralQueries &queries() { return m_queries; }
    CaseLocks &locks() { return m_locks; }
    Accounts &accounts() { return m_accounts; }
    AnchorLog &anchors() { return m_anchors; }
    const QString &workstation() const { return m_workstation; }
    const QString &backupFolder() const { return m_backupFolder; }
    // A backup in both folders (Backups::make), then the chain's head anchored; a failed anchor is a warning.
    // In team mode, refused: the server is backed up by its own means (base backup and WAL archiving).
    Result<Backups::Made> backUp(const Actor &actor);
    // The same in its halves, for a copy made on another thread (BackgroundBackup): prepareBackUp() and
    // finishBackUp() on the store's thread, Backups::carryOut() between them.
    Result<Backups::Job> prepareBackUp(const Actor &actor);
    Result<Backups::Made> finishBackUp(Result<Backups::Made> made);
    const Clock &clock() const { return m_clock; }
    const WorkingCalendar &calendar() const { return m_calendar; }
    // Team mode: what the server could not take is kept here until it can (null for a standalone file).
    OfflineSpool *spool() { return m_spool.get(); }
    // Team mode: the account of the person signed in to the server, as it stood at sign-in (null for a standalone
    // file).
    const Account *serverAccount() const { return m_serverAccount ? &*m_serverAccount : nullptr; }

private:
    static Result<std::unique_ptr<Store>> openOnce(const QString &path, const Clock &clock, const Options &options);

    Store(std::unique_ptr<Database> database, const Clock &clock, const Options &options);

    std::unique_ptr<Database> m_database;
    const Clock &m_clock;
    QString m_backupFolder;
    QString m_secondBackupFolder;
    QString m_unmadeBackup; // the backup last prepared, until it is made: the next one's event says it replaces it
    QString m_workstation;
    WorkingCalendar m_calendar;
    ReferralRepository m_referrals;
    ReferralQueries m_queries;
    CaseLocks m_locks;
    Accounts m_accounts;
    AnchorLog m_anchors;
    std::unique_ptr<OfflineSpool> m_spool;
    std::optional<Account> m_serverAccount;
};

// "NOR-2026-…: the database at … is damaged … The latest backup that passes its checks is …; restore it with …"
QString withBackupAdvice(const Error &error,
                         const QString &databasePath,
                         const QString &backupFolder,
                         const std::shared_ptr<const SealingKey> &key = nullptr);

} // namespace FrontDoor
