#pragma once

#include "benchsamples.h"
#include "saveprofile.h"

#include "profile/profile.h"
#include "store/store.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

#include <functional>

// bench_store's measurements, made the same way on every store it compares (SQLite, the server, an encrypted file).
namespace FrontDoorBench {

// The answers a call-handler types into, in turn.
const QStringList &typedFields();

// What both dialects are measured on, the same way: typing into a draft, opening cases, searching, the
// known-child check and the queue's pages.
struct Common
{
    Samples saves, opens, searches, matches, firstPage, filteredPage, home, dashboard;
    qsizetype hits = 0;
    QStringList queries;       // each search asked, in order
    QList<qsizetype> hitsEach; // and how many it found
    int documentBytes = 0;
    SaveProfile profile; // SQLite: each save's statements, timed
    // The floor: a bare insert + commit of a row as long as the saved document, made after each save, so that both
    // meet the disk as it is at that moment (a seed still being written back, a checkpoint, another program).
    // Returns nanoseconds, or -1 when it failed. Unset: no floor measured.
    std::function<qint64(int documentBytes)> floorBetweenSaves;
    Samples floor;
};

// `desk` is the person typing a call now; on SQLite not the one who made the seed, so their own drafts are few, as a
// call-handler's are. A failure is written to `log` and returns false.
bool measureCommon(FrontDoor::Store &store,
                   QTextStream &log,
                   const FrontDoor::Profile &profile,
                   const FrontDoor::Actor &desk,
                   const QStringList &references,
                   const QStringList &names,
                   const QStringList &births,
                   QRandomGenerator &random,
                   Common &common);

} // namespace FrontDoorBench
