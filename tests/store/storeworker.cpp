// A child process for the crash and two-process tests: it saves edits to a real database as the editor would,
// and prints the number of each edit once its save has returned success.
//   store_worker crash  DB REFERENCE   — edit "concern.nature" = "edit <n>" forever, n counting on from the stored one
//   store_worker append DB REFERENCE TAG COUNT — add COUNT conversations, reloading and retrying on conflict

#include "profile/profileloader.h"
#include "store/keyring.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace FrontDoor;

namespace {

int crash(Store &store, const QString &reference)
{
    const Actor actor{QStringLiteral("u-worker"), Role::Supervisor}; // edits a draft someone else started
    StoredReferral stored = store.referrals().load(reference).value();
    Referral referral = stored.referral;
    qint64 revision = stored.revision;
    qint64 n = referral.answer(u"concern.nature").value().section(u' ', 1).toLongLong();
    for (;;) {
        ++n;
        referral.setAnswer(u"concern.nature", Answer::given(QStringLiteral("edit %1").arg(n)));
        if (n % 5 == 0) // now and then two items at once, so events are written mid-run too
            referral.setAnswer(u"referrer.role", Answer::given(QStringLiteral("role %1").arg(n)));
        Result<SaveReceipt> saved = store.referrals().save(referral, revision, actor);
        if (!saved) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.errorMessage()));
            return 3;
        }
        revision = saved->revision;
        std::printf("%lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}

int append(Store &store, const QString &reference, const QString &tag, int count)
{
    const Actor actor{QStringLiteral("u-") + tag, Role::Supervisor};
    int conflicts = 0;
    for (int i = 0; i < count;) {
        Result<StoredReferral> stored = store.referrals().load(reference);
        if (!stored) {
            std::fprintf(stderr, "load failed: %s\n", qPrintable(stored.errorMessage()));
            return 3;
        }
        Referral referral = stored->referral;
        Conversation conversation;
        conversation.id = QStringLiteral("%1-%2").arg(tag).arg(i);
        conversation.at = QDateTime::currentDateTimeUtc();
        conversation.with = QStringLiteral("caller");
        conversation.recordedBy = actor.userId;
        referral.conversations.append(conversation);
        Result<SaveReceipt> saved = store.referrals().save(referral, stored->revision, actor);
        if (saved) {
            ++i;
        } else if (saved.error().code == ErrorCode::Conflict || saved.error().code == ErrorCode::DatabaseBusy) {
            ++conflicts; // someone else saved first: reload and apply the change again
        } else {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.errorMessage()));
            return 3;
        }
    }
    std::printf("done %d conflicts %d\n", count, conflicts);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    // An encrypted file (issue 20): its key unwrapped from <file>.keys with the password the test gives.
    Store::Options options;
    if (const QString password = qEnvironmentVariable("FRONTDOOR_TEST_KEY_PASSWORD"); !password.isEmpty()) {
        Result<KeyRing> ring = KeyRing::load(KeyRing::pathFor(args.at(2)));
        Result<std::shared_ptr<SealingKey>> key = ring ? ring->unwrap(QStringLiteral("u-handler"), password)
                                                       : Result<std::shared_ptr<SealingKey>>(ring.error());
        if (!key) {
            std::fprintf(stderr, "key: %s\n", qPrintable(key.errorMessage()));
            return 3;
        }
        options.sealing = *key;
    }
    Result<std::unique_ptr<Store>> store = Store::open(args.at(2), Clock::system(), options);
    if (!store) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(store.errorMessage()));
        return 3;
    }
    if (args.at(1) == QLatin1String("crash"))
        return crash(**store, args.at(3));
    if (args.at(1) == QLatin1String("append") && args.size() == 6)
        return append(**store, args.at(3), args.at(4), args.at(5).toInt());
    return 2;
}
