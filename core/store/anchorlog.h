#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <limits>

namespace FrontDoor {

class Database;

// The chain's head, written outside the database (issue 17). Someone holding the file can delete history and
// recompute every hash after it, and the chain alone would verify; a head recorded where they cannot reach — a
// share, a write-once folder, set by IT as [storage] anchorFolder — catches it, in the manner of RFC 6962's signed
// checkpoints. At every backup, export, print and sign-out one line is appended:
//   {"seq":1234,"hash":"…","at":"2026-12-01T09:00:00.000Z","workstation":"ws-12","database":"/srv/…","occasion":"backup"}
// One file per workstation and database (so a share serves a whole team without two writers in one file), about
// 200 bytes a line. `frontdoor verify-audit --anchors FILE` proves the trail still holds every anchored head. A
// restore appends a "restore" line: anchors before it belonged to the history the restore replaced.
struct Anchor
{
    qint64 sequence = 0;
    QString hash;
    QDateTime at;
    QString workstation;
    QString database;
    QString occasion; // backup, export, print, sign-out, restore, verified, verified since
};

// Which lines of an anchor log a check compares: those of one database (its absolute path, as each line records
// it — a copy elsewhere with the same file name is another database), up to an event (a backup's copy ends where it
// was taken). Empty database: every line (an IG officer's `--anchors FILE`).
struct AnchorSelection
{
    QString database;
    qint64 upTo = std::numeric_limits<qint64>::max();
};

class AnchorLog
{
public:
    AnchorLog(Database &database, const Clock &clock, QString file, QString workstation);

    // $XDG_STATE_HOME/FrontDoor/anchors (normally ~/.local/state/FrontDoor/anchors): outside the database folder.
    static QString defaultFolder();
    // "<folder>/<workstation>-<database file name>.anchors"
    static QString fileIn(const QString &folder, const QString &databasePath, const QString &workstation);

    const QString &file() const { return m_file; }
    // Appends the current head; the folder is made owner-only when Front Door creates it.
    Result<Anchor> append(const QString &occasion);
    // Appends a given head: the one a verification or a backup's copy reached (AuditVerifier's checkpoints).
    Result<Anchor> appendHead(qint64 sequence, const QString &hash, const QString &occasion);
    // "Audit anchor: event 1234, 3f2a…c09e, 1 Dec 2026 09:00" — the line every exported document ends with.
    static QString footer(const Anchor &anchor);

    static Result<QList<Anchor>> read(const QString &file);
    // The anchors `which` selects, from the latest restore on (a restore replaced the history the earlier ones
    // anchored); `superseded` (when given) counts those before that restore.
    static QList<Anchor> current(const QList<Anchor> &anchors, const AnchorSelection &which, int *superseded = nullptr);
    struct Check
    {
        int checked = 0;
        int superseded = 0;    // anchored before the latest restore
        QString problem;       // the first anchored head the trail no longer holds; empty when all are held
        qint64 brokenAt = 0;   // that anchor's event number
        bool ok() const { return problem.isEmpty(); }
    };
    static Result<Check> check(Database &database, const QString &file, const AnchorSelection &which = {});
    // The lines of the database at `path` (made absolute, as the lines record it), up to `upTo`.
    static AnchorSelection selectionFor(const QString &path, qint64 upTo = std::numeric_limits<qint64>::max());

private:
    Database &m_database;
    const Clock &m_clock;
    QString m_file;
    QString m_workstation;
};

} // namespace FrontDoor
