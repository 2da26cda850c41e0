#pragma once

#include "access/passwordhasher.h"
#include "common/clock.h"
#include "store/accounts.h"
#include "store/store.h"

#include <QTemporaryDir>

#include <memory>

// A real SQLite file in a temporary folder, a clock that stands still, and the store over them.
namespace FrontDoorTest {

struct StoreFixture
{
    StoreFixture();
    ~StoreFixture();

    // (Re)opens the store on the same file, as a restarted program would (a new instance id).
    FrontDoor::Store &reopen(const FrontDoor::Store::Options &options = {});
    void close() { store.reset(); }
    FrontDoor::Store &operator*() { return *store; }
    FrontDoor::Store *operator->() { return store.get(); }

    // A raw SQLite connection to the same file, for what the app never does (tampering, damage).
    void rawExec(const QString &sql) const;
    QString rawValue(const QString &sql) const;

    // A full disk, without root: the open database may grow by two pages at most, so SQLite answers SQLITE_FULL;
    // diskHasSpaceAgain() lifts the limit.
    void fillTheDisk();
    // The trail as releases before schema step 7 kept it (issue 21): hashes as hex text, each event's previous hash
    // stored beside it, every kind in the by-kind index; before 9, without step 9's indexes; before 10, the change
    // feed numbered by AUTOINCREMENT. The file then says `version`. The store must be closed.
    void asWrittenBefore(int version);
    void diskHasSpaceAgain();

    QTemporaryDir dir;
    QString path;
    FrontDoor::FixedClock clock;
    std::unique_ptr<FrontDoor::Store> store;
    // Set when FRONTDOOR_TEST_KEY_PASSWORD is (issue 20): the file is encrypted, its key wrapped for u-handler with
    // that password in <path>.keys, and every reopen() uses it — so a test runs unchanged on an encrypted file.
    std::shared_ptr<const FrontDoor::SealingKey> sealing;
    // The key of `file` (this database, a backup, a restored copy) unwrapped from its <file>.keys with that password;
    // none on a plaintext run. reopen() takes the database's again when a restore gave it a new file id.
    std::shared_ptr<const FrontDoor::SealingKey> keyOf(const QString &file) const;
};

const FrontDoor::Actor handler{QStringLiteral("u-handler")};
const FrontDoor::Actor otherHandler{QStringLiteral("u-other")};
const FrontDoor::Actor supervisor{QStringLiteral("u-supervisor"), FrontDoor::Role::Supervisor};

// The least Argon2 cost libsodium allows: tests make accounts by the dozen.
inline constexpr FrontDoor::PasswordHasher::Cost cheapHashing{1, 8 * 1024 * 1024};
// On a database without accounts: the first administrator ("root"), then a supervisor `name`, both with `password`;
// returns the supervisor, who may sign decisions and exchange referrals.
FrontDoor::Actor firstSupervisor(FrontDoor::Accounts &accounts, const QString &name, const QString &password);

// Three invented referrals, each created and saved with an invented caller ("Invented Caller i", a neighbour): 6
// events (each save of two items is one). With `moreEvents`, each is also answered once more, flushed and viewed by
// a supervisor: a dozen.
void fillInvented(StoreFixture &f, bool moreEvents = false);

// SHA-256 of a file's bytes (empty when absent), to prove a damaged file was left exactly as it was.
QByteArray fileDigest(const QString &path);
// A file's bytes as they are on disk (empty if it cannot be read): what anyone who copied it would have.
QByteArray fileBytes(const QString &path);
// Requires the whole verification (chain, every referral's state and derived rows) to pass, its summary shown if not.
void requireIntact(StoreFixture &f);

} // namespace FrontDoorTest
