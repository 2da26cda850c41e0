#pragma once

#include "access/actor.h"
#include "calendar/workingcalendar.h"
#include "common/result.h"
#include "referral/referral.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace FrontDoor {

class Database;
class SealingKey;

// One edit the server did not take: the whole referral as it stood on screen, who typed it, when, and in which
// running program (whose case lease it was typed under).
struct SpooledEdit
{
    qint64 sequence = 0; // the order it was typed in, on this computer
    QString reference;
    Actor actor;
    QString instance;
    QDateTime at;
    Referral referral;
};

// What one delivery did: edits the server took, references it would not take now (with why; kept here), and
// whether the server was still out of reach (the rest stays here, in order).
struct SpoolDelivery
{
    int sent = 0;
    int alreadyThere = 0;             // edits the server had taken although its answer was lost: dropped here
    QStringList held;                 // "NOR-2026-000004: why" — still kept on this computer
    std::optional<Error> unreachable; // set when delivery stopped because the server cannot be reached
    QHash<QString, qint64> revisions; // reference → its revision on the server after what was sent
};

// Team mode's offline spool (issue 19, "the network is not the disk"): when the server cannot be reached, what the
// call-handler typed is kept on this computer — one owner-only file per edit, written whole and synced before the
// screen says "kept on this computer" — and sent in the order it was typed once the server is back, also after the
// program was killed meanwhile (the next sign-in sends it before the window opens).
//
// Layout: <root>/<server id>/<person>/ (0700): NNNNNNNNNNNN.edit (0600, sealed JSON) per edit, and <reference>.base
// holding the server revision the reference's next edit applies to. Each edit is sent through the repository as a save
// by its own program's instance (so its case lease is its own) at the time it was typed; on success the base moves on
// first, then the edit file goes — a crash between the two resends an edit the server already holds, which is then
// found equal to the stored referral and dropped. An edit that reached the server although its reply was lost is
// found the same way. The server refusing an edit for any other reason (a colleague changed the referral meanwhile,
// the case was taken over) keeps it and every later edit of that referral here, said in `held`: never merged,
// never dropped.
//
// The spool holds case content outside the database, as the issue asks: only its owner can open its files, each is
// sealed (store/spoolseal.h) with the person's spool key — which lives on the server and is held here, in guarded
// memory, only while they are signed in — and each goes as soon as the server has what it held. A disk taken or
// copied holds nothing readable without that person's sign-in to the server; a file changed, renamed or brought from
// another spool does not open, and is said, never skipped.
class OfflineSpool
{
public:
    // <user's local data>/spool: what the application uses (tests pass a temporary folder).
    static QString defaultRoot();
    // The spool of the person signed in to `database`'s server. `database` and `calendar` are the signed-in store's
    // (not owned; they outlive the spool).
    static Result<std::unique_ptr<OfflineSpool>>
    open(const QString &root, Database &database, const WorkingCalendar &calendar);

    ~OfflineSpool();
    OfflineSpool(const OfflineSpool &) = delete;
    OfflineSpool &operator=(const OfflineSpool &) = delete;

    const QString &folder() const { return m_folder; }

    // Keeps one edit; `baseRevision` is the server revision the screen's referral was at (the first edit kept for a
    // reference fixes it). Success only once the file is on disk.
    Status keep(const Referral &referral,
                qint64 baseRevision,
                const Actor &actor,
                const QString &instance,
                const QDateTime &at);
    // What waits, oldest first (of one reference when given). A file that cannot be read is an error, never skipped.
    Result<QList<SpooledEdit>> waiting(const QString &reference = {}) const;
    bool holds(const QString &reference) const;
    int count() const;

    // Sends what waits, oldest first (of one reference when given), and forgets each edit the server took.
    SpoolDelivery deliver(const QString &reference = {});
    // The reference's revision on the server after the last edit this spool sent of it (0: none sent): an editor
    // open on it goes on from there.
    qint64 deliveredRevision(const QString &reference) const { return m_delivered.value(reference); }

private:
    OfflineSpool(QString folder,
                 std::shared_ptr<const SealingKey> key,
                 Database &database,
                 const WorkingCalendar &calendar);
    static Result<std::shared_ptr<const SealingKey>> fetchKey(Database &database, const QString &server);
    QStringList editFiles() const;
    Result<qint64> baseRevision(const QString &reference) const;
    Status setBaseRevision(const QString &reference, qint64 revision);
    Status writeFile(const QString &name, const QByteArray &bytes); // sealed
    Result<QByteArray> readFile(const QString &name) const;         // opened; said when it does not open

    QString m_folder;
    std::shared_ptr<const SealingKey> m_key;
    Database &m_database;
    const WorkingCalendar &m_calendar;
    QHash<QString, qint64> m_delivered;
};

} // namespace FrontDoor
