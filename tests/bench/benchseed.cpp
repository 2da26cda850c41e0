#include "benchseed.h"

#include "calendar/followupplanner.h"
#include "training/syntheticreferrals.h"

#include <QElapsedTimer>

using namespace FrontDoor;

namespace FrontDoorBench {

Result<Seeded> seed(Store &store, const Profile &profile, const Actor &actor, int total, bool dueTimes,
                    QTextStream &progress)
{
    // The server's equivalent for this session only: commits do not wait for the disk while seeding.
    if (!store.database().execDirect(store.database().isServer() ? QStringLiteral("SET synchronous_commit = off")
                                                                 : QStringLiteral("PRAGMA synchronous = OFF")))
        return makeError(ErrorCode::IoError, QStringLiteral("could not switch synchronous off for seeding"));
    Seeded seeded;
    SyntheticReferrals synthetic(7);
    QElapsedTimer seeding;
    seeding.start();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-qint64(total) * 300);
    for (int i = 0; i < total; ++i) {
        Result<StoredReferral> draft = store.referrals().createDraft(profile, actor);
        if (!draft)
            return draft.error();
        Referral r = synthetic.next(profile, start.addSecs(qint64(i) * 300));
        r.reference = draft->referral.reference;
        r.handler = draft->referral.handler;
        r.callStartedAt = draft->referral.callStartedAt;
        r.status = draft->referral.status;
        if (dueTimes) {
            Referral received = r;
            received.callStartedAt = start.addSecs(qint64(i) * 300);
            r.actions = plannedActions(received, profile, store.calendar());
        }
        if (Result<SaveReceipt> saved = store.referrals().save(r, draft->revision, actor); !saved)
            return saved.error();
        if (i % 97 == 0) {
            seeded.references.append(r.reference);
            seeded.names.append(r.children.first().answer(u"name").value());
            seeded.births.append(r.children.first().answer(u"dateOfBirth").value());
        }
        if ((i + 1) % 10'000 == 0) {
            progress << "  seeded " << (i + 1) << " (" << seeding.elapsed() / 1000 << " s)\n";
            progress.flush();
        }
    }
    if (Status flushed = store.referrals().flushAll(); !flushed)
        return flushed.error();
    return seeded;
}

} // namespace FrontDoorBench
