// A desk for the SIGKILL-while-offline test (issue 19): signs in to the server as a person, then edits one referral
// as the editor's AutoSaver does — a save, and when the server cannot be reached the edit kept in the offline spool —
// printing "saved N" or "kept N" once each has returned success. The test stops the server and kills this process.
//   spool_worker CONNECTION USER SPOOLROOT REFERENCE   (the password in FRONTDOOR_TEST_PASSWORD)

#include "store/store.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace FrontDoor;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: spool_worker CONNECTION USER SPOOLROOT REFERENCE\n");
        return 2;
    }
    Store::Options options;
    options.spoolFolder = args[3];
    const Actor actor{args[2], Role::CallHandler};
    Result<std::unique_ptr<Store>> store = Store::connect(
        ServerLogin{args[1], actor.userId, qEnvironmentVariable("FRONTDOOR_TEST_PASSWORD")}, Clock::system(), options);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorMessage()));
        return 3;
    }
    Result<StoredReferral> opened = (*store)->referrals().open(args[4], actor);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
        return 3;
    }
    Referral referral = opened->referral;
    qint64 revision = opened->revision;
    OfflineSpool &spool = *(*store)->spool();
    for (int n = 1;; ++n) {
        referral.setAnswer(u"concern.nature", Answer::given(QStringLiteral("offline edit %1").arg(n)));
        if (!spool.holds(referral.reference)) {
            Result<SaveReceipt> saved = (*store)->referrals().save(referral, revision, actor);
            if (saved) {
                revision = saved->revision;
                std::printf("saved %d\n", n);
                std::fflush(stdout);
                QThread::msleep(20);
                continue;
            }
            if (saved.error().code != ErrorCode::Unreachable) {
                std::fprintf(stderr, "%s\n", qPrintable(saved.errorMessage()));
                return 3;
            }
        }
        if (Status kept = spool.keep(
                referral, revision, actor, (*store)->referrals().instanceId(), QDateTime::currentDateTimeUtc());
            !kept) {
            std::fprintf(stderr, "%s\n", qPrintable(kept.errorMessage()));
            return 3;
        }
        std::printf("kept %d\n", n);
        std::fflush(stdout);
        QThread::msleep(20);
    }
}
