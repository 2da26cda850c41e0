#include "filesize.h"

#include "store/database.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace FileSize {

qint64 report(FrontDoor::Database &database, QTextStream &out)
{
    QSqlQuery query(database.connection());
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    query.finish();
    const qint64 referrals = query.exec(QStringLiteral("SELECT count(*) FROM referrals")) && query.next()
                                 ? query.value(0).toLongLong()
                                 : 0;
    query.finish();
    const qint64 bytes = QFileInfo(database.path()).size();
    out << QStringLiteral("%1 %2 MiB for %3 referrals: %4 bytes per referral (aim <= 16384)\n")
               .arg(QStringLiteral("database size"), -34)
               .arg(double(bytes) / 1048576.0, 0, 'f', 1)
               .arg(referrals)
               .arg(referrals ? bytes / referrals : 0);
    if (!referrals
        || !query.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6")))
        return 0;
    QStringList parts;
    while (query.next())
        parts << QStringLiteral("%1 %2").arg(query.value(0).toString()).arg(query.value(1).toLongLong() / referrals);
    out << QStringLiteral("%1 %2\n").arg(QStringLiteral("  bytes per referral, by table"), -34).arg(parts.join(u", "));
    return bytes / referrals;
}

} // namespace FileSize
