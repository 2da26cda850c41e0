// Issue 7: training mode's database — invented cases in a file whose header says "training", so live and training
// can never be taken for each other; references that cannot be read as live ones.
#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/accounts.h"
#include "store/auditverifier.h"
#include "training/trainingdata.h"

#include <QFile>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("A training database is filled once with invented accounts and cases, TRN- references and a sound trail")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("training.sqlite"));
    const QDateTime now = testNow();
    Result<bool> filled = TrainingData::fill(path, norfolk(), 40, now);
    INFO(filled.errorMessage().toStdString());
    REQUIRE(filled);
    CHECK(*filled);

    Store::Options training;
    training.training = true;
    FixedClock clock(now);
    std::unique_ptr<Store> store = std::move(Store::open(path, clock, training).value());
    CHECK(store->database().isTraining());
    ReferralFilter everything;
    everything.limit = 500;
    const QList<ReferralSummary> all = store->queries().list(everything).value();
    REQUIRE(all.size() == 40);
    int submitted = 0;
    int decided = 0;
    int drafts = 0;
    for (const ReferralSummary &row : all) {
        CHECK(row.reference.startsWith(QStringLiteral("TRN-NOR-")));
        CHECK(row.callStartedAt >= now.addDays(-28));
        submitted += row.status == ReferralStatus::Submitted;
        decided += row.status == ReferralStatus::Decided;
        drafts += row.status == ReferralStatus::Draft;
    }
    INFO("submitted " << submitted << ", decided " << decided << ", drafts " << drafts);
    CHECK(decided > 10);   // a realistic queue: most calls were decided by the trainer …
    CHECK(submitted > 5);  // … some await a decision …
    CHECK(drafts >= 3);    // … and some are still being taken
    ReferralFilter overdue;
    overdue.dueBefore = now;
    CHECK(store->queries().count(overdue).value() > 0);

    Accounts accounts(store->database(), clock);
    CHECK(accounts.signIn(QString::fromLatin1(TrainingData::traineeName),
                          QString::fromLatin1(TrainingData::trainingPassword)));
    CHECK(accounts.signIn(QString::fromLatin1(TrainingData::trainerName),
                          QString::fromLatin1(TrainingData::trainingPassword))->role == Role::Supervisor);
    CHECK(AuditVerifier::verify(store->database()).value().intact());
    store.reset();

    // A second start leaves it as it is.
    CHECK_FALSE(TrainingData::fill(path, norfolk(), 40, now).value());
}

TEST_CASE("Live and training databases refuse to be opened as each other, and are left exactly as they were")
{
    StoreFixture f;
    StoredReferral live = f->referrals().createDraft(norfolk(), handler).value();
    CHECK(live.referral.reference.startsWith(QStringLiteral("NOR-")));
    f.close();
    const QByteArray before = fileDigest(f.path);

    Store::Options training;
    training.training = true;
    Result<std::unique_ptr<Store>> asTraining = Store::open(f.path, f.clock, training);
    REQUIRE_FALSE(asTraining);
    CHECK(asTraining.errorMessage().contains(QStringLiteral("holds live cases")));
    CHECK(TrainingData::fill(f.path, norfolk(), 5, testNow()).errorMessage().contains(QStringLiteral("holds live cases")));
    CHECK(fileDigest(f.path) == before);

    const QString trainingPath = f.dir.filePath(QStringLiteral("training.sqlite"));
    std::unique_ptr<Store> practice = std::move(Store::open(trainingPath, f.clock, training).value());
    CHECK(practice->referrals().createDraft(norfolk(), handler)->referral.reference.startsWith(QStringLiteral("TRN-NOR-")));
    practice.reset();
    const QByteArray trainingBefore = fileDigest(trainingPath);
    Result<std::unique_ptr<Store>> asLive = Store::open(trainingPath, f.clock);
    REQUIRE_FALSE(asLive);
    CHECK(asLive.errorMessage().contains(QStringLiteral("training database")));
    CHECK(asLive.errorMessage().contains(QStringLiteral("--training")));
    CHECK(fileDigest(trainingPath) == trainingBefore);
}
