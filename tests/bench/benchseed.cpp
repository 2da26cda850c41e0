#include "benchseed.h"

#include "calendar/followupplanner.h"
#include "store/database.h"
#include "training/syntheticreferrals.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <optional>

using namespace FrontDoor;

namespace FrontDoorBench {

Result<Seeded> seed(Store &store,
                    const Profile &profile,
                    const Actor &actor,
                    int total,
                    bool dueTimes,
                    QTextStream &progress,
                    FixedClock *callTimes)
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
    // In batches (issue 21): each referral goes through the real repository — a draft, then the whole referral saved,
    // every check, derived row and audit event as on a desk — but a thousand share one commit, as an import's do.
    constexpr int batch = 1000;
    std::optional<WriteTransaction> together;
    for (int i = 0; i < total; ++i) {
        if (i % batch == 0) {
            if (together)
                if (Status s = together->commit(); !s)
                    return s.error();
            together.emplace(store.database());
            if (Status s = together->begin(); !s)
                return s.error();
        }
        if (callTimes)
            callTimes->set(start.addSecs(qint64(i) * 300));
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
    if (together)
        if (Status s = together->commit(); !s)
            return s.error();
    if (Status flushed = store.referrals().flushAll(); !flushed)
        return flushed.error();
    if (callTimes)
        callTimes->set(QDateTime::currentDateTimeUtc());
    return seeded;
}

Result<Seeded> describe(Store &store)
{
    QStringList references;
    {
        QSqlQuery q(store.database().connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT reference FROM referrals ORDER BY id")))
            return makeError(ErrorCode::DatabaseError, QStringLiteral("could not list the seeded referrals"));
        for (int i = 0; q.next(); ++i)
            if (i % 97 == 0)
                references.append(q.value(0).toString());
    }
    Seeded seeded;
    for (const QString &reference : std::as_const(references)) {
        Result<StoredReferral> stored = store.referrals().load(reference);
        if (!stored)
            return stored.error();
        if (stored->referral.children.isEmpty())
            continue;
        seeded.references.append(reference);
        seeded.names.append(stored->referral.children.first().answer(u"name").value());
        seeded.births.append(stored->referral.children.first().answer(u"dateOfBirth").value());
    }
    return seeded;
}

namespace {

// Bump when what seed() writes changes, so that no run measures a file seeded by older code.
constexpr int seedFormat = 3; // 2: one fieldsChanged event per save, batches of a thousand; 3: each call at its time

QString cacheFolder()
{
    return qEnvironmentVariableIsSet("BENCH_SEED_CACHE") ? qEnvironmentVariable("BENCH_SEED_CACHE")
                                                         : QDir::homePath() + QStringLiteral("/.cache/frontdoor-bench");
}

QString seedName(int total, int schema)
{
    return QStringLiteral("seed-%1-schema%2-format%3.sqlite").arg(total).arg(schema).arg(seedFormat);
}

// The kept seed for `total`: this schema's, or else the newest earlier one — opening it runs the later schema steps,
// as a desk's file made by an earlier release is upgraded (a million take long to seed again for an index).
QString cachedSeed(int total)
{
    const QDir folder(cacheFolder());
    for (int schema = Database::latestSchemaVersion; schema >= Database::compactTrailVersion; --schema)
        if (const QString name = folder.filePath(seedName(total, schema)); QFile::exists(name))
            return name;
    return folder.filePath(seedName(total, Database::latestSchemaVersion));
}

} // namespace

Result<Seeded> seededFile(const QString &path,
                          const Store::Options &options,
                          const Profile &profile,
                          const Actor &actor,
                          int total,
                          QTextStream &progress)
{
    const bool keep = total >= 100'000 && !options.sealing;
    const QString cached = cachedSeed(total);
    QElapsedTimer timer;
    timer.start();
    if (keep && QFile::exists(cached)) {
        if (!QFile::copy(cached, path))
            return makeError(ErrorCode::IoError, QStringLiteral("could not copy the kept seed %1").arg(cached));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        progress << "  copied the seed built once (" << cached << ") in " << timer.elapsed() / 1000 << " s\n";
        progress.flush();
        timer.restart();
        Result<std::unique_ptr<Store>> store = Store::open(path, Clock::system(), options);
        if (!store)
            return store.error();
        progress << "  opened it (and ran any later schema steps) in " << timer.elapsed() / 1000 << " s\n";
        progress.flush();
        return describe(**store);
    }
    Seeded seeded;
    {
        FixedClock callTimes(QDateTime::currentDateTimeUtc());
        Result<std::unique_ptr<Store>> store = Store::open(path, callTimes, options);
        if (!store)
            return store.error();
        Result<Seeded> made = seed(**store, profile, actor, total, false, progress, &callTimes);
        if (!made)
            return made.error();
        seeded = std::move(*made);
    }
    progress << "  seeded " << total << " through the store in " << timer.elapsed() / 1000 << " s\n";
    progress.flush();
    // Only a whole file is kept: closing the store checkpoints its write-ahead log into it and removes the log.
    if (keep && QFileInfo(path + QStringLiteral("-wal")).size() == 0) {
        const QString keptAs = QDir(cacheFolder()).filePath(seedName(total, Database::latestSchemaVersion));
        QDir().mkpath(QFileInfo(keptAs).absolutePath());
        const QString partial = keptAs + QStringLiteral(".partial");
        QFile::remove(partial);
        if (QFile::copy(path, partial) && QFile::rename(partial, keptAs))
            progress << "  kept a copy of the seed for the next run: " << keptAs << "\n";
    }
    return seeded;
}

} // namespace FrontDoorBench
