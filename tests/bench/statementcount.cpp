#include "statementcount.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace FrontDoorBench {

void printStatementsPerSave(const QString &clusterDir, int saves, QTextStream &out)
{
    // The cluster's data and log live in the folder pgcluster.sh named in <dir>/home (owned by postgres under root).
    QFile homeFile(clusterDir + QStringLiteral("/home"));
    const QString home
        = homeFile.open(QIODevice::ReadOnly) ? QString::fromUtf8(homeFile.readAll()).trimmed() : clusterDir;
    QFile log(home + QStringLiteral("/server.log"));
    if (saves <= 0 || !log.open(QIODevice::ReadOnly))
        return;
    QMap<QString, int> kinds;
    QHash<QString, QString> prepared; // qpsqlpstmt_N → the statement's first words
    static const QRegularExpression logged(QStringLiteral(R"(LOG:\s+statement:\s+(.*)$)"));
    static const QRegularExpression prepare(QStringLiteral(R"(^PREPARE (\S+) AS (.*)$)"));
    static const QRegularExpression execute(QStringLiteral(R"(^EXECUTE (\w+))"));
    for (const QByteArray &raw : log.readAll().split('\n')) {
        const QRegularExpressionMatch m = logged.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            continue;
        const QString text = m.captured(1).simplified();
        if (const QRegularExpressionMatch p = prepare.match(text); p.hasMatch())
            prepared.insert(p.captured(1), p.captured(2).left(60));
        else if (const QRegularExpressionMatch e = execute.match(text); e.hasMatch()) {
            const QString statement = prepared.value(e.captured(1), e.captured(1));
            if (!statement.contains(QLatin1String("public.floor"))) // the floor's, not a save's
                kinds[statement]++;
        } else if (!text.contains(u'\''))
            kinds[text.left(60)]++;
    }
    int total = 0;
    for (int n : std::as_const(kinds))
        total += n;
    out << QStringLiteral("a call-handler's statements per save (with its queue, search and reloads): %1\n")
               .arg(double(total) / saves, 0, 'f', 1);
    QList<std::pair<int, QString>> top;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        top.append({it.value(), it.key()});
    std::sort(top.begin(), top.end(), std::greater<>());
    for (qsizetype i = 0; i < std::min<qsizetype>(12, top.size()); ++i)
        out << QStringLiteral("  %1 per save  %2\n")
                   .arg(double(top.at(i).first) / saves, 5, 'f', 2)
                   .arg(top.at(i).second);
}

} // namespace FrontDoorBench
