#pragma once

#include <QString>
#include <QTextStream>

namespace FrontDoor {
class Database;
}

// Issue 21: how many bytes a referral costs on disk, and where they go. Measured after a full checkpoint (the WAL is
// passing, not kept) over the referrals the file really holds; SQLite's dbstat says which table or index holds them.
namespace FileSize {
qint64 report(FrontDoor::Database &database, QTextStream &out); // bytes per referral
}
