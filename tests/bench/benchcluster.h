#pragma once

#include <QString>

// A throw-away PostgreSQL 15 cluster for the team-mode benchmarks (tests/support/pgcluster.sh), with an empty
// database "frontdoor" in it. Started and removed by the benchmark itself.
namespace FrontDoorBench {

struct Cluster
{
    QString dir, host, port, superuser, password;
    QString connection() const { return QStringLiteral("host=%1 port=%2 dbname=frontdoor").arg(host, port); }
};

// Starts it in `cluster.dir` and reads where it listens; false (said on standard output) when it cannot.
bool startCluster(Cluster &cluster);
void stopCluster(const Cluster &cluster);

} // namespace FrontDoorBench
