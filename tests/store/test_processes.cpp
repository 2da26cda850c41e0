// Real processes on one database: killed at random moments mid-save (SIGKILL), and two writing at once.
// FRONTDOOR_CRASH_ROUNDS is a handful in the fast suite and 200 under the "slow" label. With FRONTDOOR_ENCRYPTED, the
// same tests on an encrypted file (issue 20): the fixture and the worker open it with the key the password unwraps.

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/auditverifier.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

#ifdef FRONTDOOR_ENCRYPTED
const bool encrypted = qputenv("FRONTDOOR_TEST_KEY_PASSWORD", "an invented test password");
#endif

qint64 storedEdit(Store &store, const QString &reference)
{
    return store.referrals().load(reference)->referral.answer(u"concern.nature").value().section(u' ', 1).toLongLong();
}

} // namespace

TEST_CASE("Killed at random moments while saving, the database stays intact and keeps every acknowledged save")
{
    StoreFixture f;
    const QString reference = f->referrals().createDraft(norfolk(), handler)->referral.reference;
    f.close();
    QRandomGenerator random(20261124);
    qint64 acknowledged = 0;
    int killedMidRun = 0;
    for (int round = 0; round < FRONTDOOR_CRASH_ROUNDS; ++round) {
        QProcess worker;
        worker.start(QStringLiteral(FRONTDOOR_STORE_WORKER), {QStringLiteral("crash"), f.path, reference});
        REQUIRE(worker.waitForStarted(10000));
        REQUIRE(worker.waitForReadyRead(20000)); // at least one save acknowledged
        QThread::usleep(random.bounded(1000, 40000));
        ::kill(pid_t(worker.processId()), SIGKILL);
        REQUIRE(worker.waitForFinished(10000));
        INFO("round " << round << ": " << worker.readAllStandardError().toStdString());
        REQUIRE(worker.exitStatus() == QProcess::CrashExit);
        ++killedMidRun;

        qint64 lastAcknowledged = acknowledged;
        for (const QByteArray &line : worker.readAllStandardOutput().split('\n'))
            if (!line.isEmpty())
                lastAcknowledged = std::max(lastAcknowledged, line.toLongLong());
        REQUIRE(lastAcknowledged > acknowledged);
        acknowledged = lastAcknowledged;

        Store &store = f.reopen();
        REQUIRE(store.database().check(true).value() == QStringLiteral("ok"));
        const qint64 stored = storedEdit(store, reference);
        INFO("acknowledged " << acknowledged << ", stored " << stored);
        CHECK(stored >= acknowledged);      // every acknowledged save survived
        CHECK(stored <= acknowledged + 1);  // at most the one in flight was also committed
        acknowledged = stored;
        f.close();
    }
    f.reopen();
    REQUIRE(f->database().check(false).value() == QStringLiteral("ok"));
    const AuditVerifier::Report report = AuditVerifier::verify(f->database()).value();
    INFO(report.summary().toStdString());
    CHECK(report.intact());
    CHECK(killedMidRun == FRONTDOOR_CRASH_ROUNDS);
}

TEST_CASE("Two processes saving the same referral at once lose no update")
{
    StoreFixture f;
    const QString reference = f->referrals().createDraft(norfolk(), handler)->referral.reference;
    f.close();
    const int each = 300;
    QProcess a;
    QProcess b;
    a.start(QStringLiteral(FRONTDOOR_STORE_WORKER), {QStringLiteral("append"), f.path, reference, QStringLiteral("a"), QString::number(each)});
    b.start(QStringLiteral(FRONTDOOR_STORE_WORKER), {QStringLiteral("append"), f.path, reference, QStringLiteral("b"), QString::number(each)});
    REQUIRE(a.waitForFinished(120000));
    REQUIRE(b.waitForFinished(120000));
    INFO(a.readAllStandardError().toStdString() << b.readAllStandardError().toStdString());
    REQUIRE(a.exitCode() == 0);
    REQUIRE(b.exitCode() == 0);

    f.reopen();
    const Referral referral = f->referrals().load(reference)->referral;
    QSet<QString> ids;
    for (const Conversation &c : referral.conversations)
        ids.insert(c.id);
    CHECK(ids.size() == 2 * each);
    CHECK(ids.contains(QStringLiteral("a-0")));
    CHECK(ids.contains(QStringLiteral("b-%1").arg(each - 1)));
    const AuditVerifier::Report report = AuditVerifier::verify(f->database()).value();
    INFO(report.summary().toStdString());
    CHECK(report.intact());
}
