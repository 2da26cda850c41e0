// Issue 17: the password back-off holds under parallel attempts. Thirty wrong passwords and the right one, started
// at once in separate processes, each signing in as the same administrator: at most ten attempts are ever checked
// against the hash in the window; the rest wait without their password being tried.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/testsupport.h"

#include <QProcess>
#include <QThread>

#include <memory>
#include <vector>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("Thirty wrong passwords and the right one at once: at most ten attempts are checked, across processes")
{
    const QString right = QStringLiteral("kettle on the windowsill");
    StoreFixture f;
    {
        Accounts accounts(f->database(), f.clock, cheapHashing);
        REQUIRE(accounts.createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root Invented"), right));
    }
    f.close();

    std::vector<std::unique_ptr<QProcess>> attempts;
    for (int i = 0; i <= 30; ++i) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        process->setProcessEnvironment(env);
        process->start(executable(), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("person%1").arg(i),
                                      QStringLiteral("--name"), QStringLiteral("Invented Person %1").arg(i),
                                      QStringLiteral("--role"), QStringLiteral("callHandler"), QStringLiteral("--as"),
                                      QStringLiteral("root"), QStringLiteral("--db"), f.path});
        REQUIRE(process->waitForStarted());
        attempts.push_back(std::move(process));
    }
    // Each program opens the database and waits at its password prompt; then every password is typed at once, so
    // the attempts reach the check together (before the fix, all 31 read "no failures yet" and all were tried).
    QThread::msleep(2000);
    for (int i = 0; i <= 30; ++i) {
        const QString typed = i == 15 ? right : QStringLiteral("a wrong guess number %1").arg(i);
        attempts.at(size_t(i))->write((typed + u'\n' + QStringLiteral("a long new password here") + u'\n'
                                       + QStringLiteral("a long new password here") + u'\n').toUtf8());
        attempts.at(size_t(i))->closeWriteChannel();
    }
    int waited = 0;
    for (const auto &process : attempts) {
        REQUIRE(process->waitForFinished(120'000));
        if (QString::fromUtf8(process->readAllStandardError()).contains(QStringLiteral("Too many wrong passwords")))
            ++waited;
    }
    const int checkedWrong = f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'signInFailed' AND "
                                                       "user_id = 'root' AND payload LIKE '%wrong password%'")).toInt();
    const int signedIn = f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE kind = 'signedIn'")).toInt();
    INFO("checked wrong " << checkedWrong << ", signed in " << signedIn << ", waited " << waited);
    CHECK(checkedWrong + signedIn <= Accounts::maxFailures); // never more than ten passwords tried
    CHECK(waited == 31 - checkedWrong - signedIn);           // every other attempt waited, untried
    CHECK(waited >= 21);
}
