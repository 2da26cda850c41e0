#pragma once

#include <QString>
#include <QTextStream>

namespace FrontDoorBench {

// One desk's statements per save, counted from the log of a cluster pgcluster.sh started (`clusterDir`, whose `home`
// names where its log is) for a role logged with log_statement = 'all': each prepared statement by its first words,
// never the values, the floor's inserts left out; the twelve most frequent printed to `out`.
void printStatementsPerSave(const QString &clusterDir, int saves, QTextStream &out);

} // namespace FrontDoorBench
