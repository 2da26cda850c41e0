// How long one password check takes at the configured Argon2id cost (issue 5 asks for 0.2–1 s at 64 MiB).
#include "access/passwordhasher.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace FrontDoor;

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    QTextStream out(stdout);
    const PasswordHasher::Cost cost;
    std::vector<double> hashMs;
    std::vector<double> verifyMs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const Result<QString> stored = PasswordHasher::hash(QStringLiteral("bench password %1").arg(i), cost);
        hashMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!stored)
            return 2;
        t.restart();
        if (!PasswordHasher::verify(*stored, QStringLiteral("bench password %1").arg(i)))
            return 2;
        verifyMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(hashMs.begin(), hashMs.end());
    std::sort(verifyMs.begin(), verifyMs.end());
    out << QStringLiteral("Argon2id, %1 MiB, %2 passes: hash median %3 ms, verify median %4 ms (%5 runs; target 200–1000 ms)\n")
               .arg(cost.memoryBytes / (1024 * 1024))
               .arg(cost.passes)
               .arg(hashMs[hashMs.size() / 2], 0, 'f', 0)
               .arg(verifyMs[verifyMs.size() / 2], 0, 'f', 0)
               .arg(runs);
    return 0;
}
