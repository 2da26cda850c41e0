#include "store/backupfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <tuple>

namespace FrontDoor::BackupFiles {

QString defaultFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString fileNameFor(const QString &databasePath, const QDateTime &at)
{
    return QStringLiteral("%1-%2.sqlite")
        .arg(QFileInfo(databasePath).completeBaseName(), at.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")));
}

QStringList list(const QString &folder, const QString &databasePath)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {};
    const QRegularExpression pattern(QStringLiteral("^%1-\\d{8}-\\d{9}\\.sqlite$")
                                         .arg(QRegularExpression::escape(QFileInfo(databasePath).completeBaseName())));
    QStringList found;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name | QDir::Reversed))
        if (pattern.match(name).hasMatch())
            found.append(dir.filePath(name));
    return found;
}

QDateTime madeAt(const QString &file)
{
    static const QRegularExpression stamp(QStringLiteral("-(\\d{8}-\\d{9})\\.sqlite$"));
    const QRegularExpressionMatch m = stamp.match(file);
    if (!m.hasMatch())
        return {};
    QDateTime at = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmsszzz"));
    at.setTimeSpec(Qt::UTC);
    return at;
}

QStringList beyondGenerations(const QStringList &newestFirst, const Generations &keep)
{
    QSet<qint64> days;
    QSet<qint64> weeks;
    QSet<qint64> months;
    QStringList beyond;
    for (qsizetype i = 0; i < newestFirst.size(); ++i) {
        const QDate date = madeAt(newestFirst.at(i)).date();
        int weekYear = 0;
        const int week = date.weekNumber(&weekYear);
        bool kept = i == 0; // the newest always stays
        for (const auto &[seen, bucket, limit] : {std::tuple{&days, date.toJulianDay(), keep.days},
                                                  std::tuple{&weeks, qint64(weekYear) * 100 + week, keep.weeks},
                                                  std::tuple{&months, qint64(date.year()) * 100 + date.month(), keep.months}}) {
            if (!seen->contains(bucket) && seen->size() < limit) {
                seen->insert(bucket);
                kept = true;
            }
        }
        if (!kept)
            beyond.append(newestFirst.at(i));
    }
    return beyond;
}

} // namespace FrontDoor::BackupFiles
