#include "benchcluster.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTextStream>

namespace FrontDoorBench {

bool startCluster(Cluster &cluster)
{
    QProcess start;
    start.start(QStringLiteral(FRONTDOOR_PGCLUSTER), {QStringLiteral("start"), cluster.dir});
    if (!start.waitForFinished(120'000) || start.exitCode() != 0) {
        QTextStream(stdout) << "could not start PostgreSQL: " << start.readAllStandardError() << '\n';
        return false;
    }
    QFile file(cluster.dir + QStringLiteral("/connection"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    for (const QString &entry : QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        const QString key = entry.section(u'=', 0, 0), value = entry.section(u'=', 1);
        if (key == QLatin1String("host"))
            cluster.host = value;
        else if (key == QLatin1String("port"))
            cluster.port = value;
        else if (key == QLatin1String("superuser"))
            cluster.superuser = value;
        else if (key == QLatin1String("password"))
            cluster.password = value;
    }
    QProcess create;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), cluster.password);
    create.setProcessEnvironment(environment);
    create.start(QStringLiteral("createdb"),
                 {QStringLiteral("-h"),
                  cluster.host,
                  QStringLiteral("-p"),
                  cluster.port,
                  QStringLiteral("-U"),
                  cluster.superuser,
                  QStringLiteral("frontdoor")});
    return create.waitForFinished(60'000) && create.exitCode() == 0;
}

void stopCluster(const Cluster &cluster)
{
    QProcess::execute(QStringLiteral(FRONTDOOR_PGCLUSTER), {QStringLiteral("stop"), cluster.dir});
}

} // namespace FrontDoorBench
