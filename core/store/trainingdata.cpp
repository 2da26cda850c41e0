#include "trainingdata.h"

#include "access/accounts.h"
#include "access/passwordhasher.h"
#include "referral/syntheticreferrals.h"
#include "rules/evaluator.h"
#include "store/store.h"

namespace FrontDoor::TrainingData {

Result<bool> fill(const QString &path, const Profile &profile, int referrals, const QDateTime &now)
{
    // The cases are spread over four weeks: the store's clock is walked forward as they are taken.
    FixedClock clock(now.addDays(-28));
    Store::Options options;
    options.training = true;
    Result<std::unique_ptr<Store>> opened = Store::open(path, clock, options);
    if (!opened)
        return opened.error();
    Store &store = **opened;
    Accounts accounts(store.database(), clock);
    Result<bool> empty = accounts.isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return false;

    const QString password = QString::fromLatin1(trainingPassword);
    Result<Account> admin = accounts.createFirstAdministrator(QStringLiteral("training-admin"),
                                                              QStringLiteral("Training Administrator"), password);
    if (!admin)
        return admin.error();
    const Actor root{admin->id, Role::Administrator};
    Result<Account> trainee = accounts.create(root, QString::fromLatin1(traineeName),
                                              QStringLiteral("Tamsin Trainee (invented)"), Role::CallHandler, password);
    if (!trainee)
        return trainee.error();
    Result<Account> trainer = accounts.create(root, QString::fromLatin1(trainerName),
                                              QStringLiteral("Tobias Trainer (invented)"), Role::Supervisor, password);
    if (!trainer)
        return trainer.error();
    const Actor handler{trainee->id, Role::CallHandler};

    SyntheticReferrals synthetic(2026);
    const qint64 step = qint64(28) * 24 * 3600 * 1000 / std::max(1, referrals);
    for (int i = 0; i < referrals; ++i) {
        clock.advance(step);
        Result<StoredReferral> draft = store.referrals().createDraft(profile, handler);
        if (!draft)
            return draft.error();
        // The last few calls are still being taken. The generator answers at random, and a call whose answers break
        // a must could not have been submitted: for a submitted call, invent again until one could.
        const bool stillOnThePhone = i >= referrals - 3;
        Referral r = synthetic.next(profile, clock.now());
        for (int attempt = 0; !stillOnThePhone && attempt < 50
                              && !withSeverity(evaluate(r, profile, clock.now()), Severity::Blocking).isEmpty();
             ++attempt)
            r = synthetic.next(profile, clock.now());
        r.reference = draft->referral.reference;
        r.handler = draft->referral.handler;
        r.callStartedAt = draft->referral.callStartedAt;
        r.status = draft->referral.status;
        Result<SaveReceipt> saved = store.referrals().save(r, draft->revision, handler);
        if (!saved)
            return saved.error();
        if (!stillOnThePhone && withSeverity(evaluate(r, profile, clock.now()), Severity::Blocking).isEmpty())
            if (Result<SaveReceipt> submitted = store.referrals().submit(r.reference, saved->revision, handler, profile);
                !submitted)
                return submitted.error();
    }
    if (Status flushed = store.referrals().flushAll(); !flushed)
        return flushed.error();
    return true;
}

} // namespace FrontDoor::TrainingData
