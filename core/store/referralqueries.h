#pragma once

#include "access/actor.h"
#include "common/result.h"
#include "referral/referral.h"
#include "store/database.h"

#include <QDate>
#include <optional>

namespace FrontDoor {

class Database;

// One row of the queue.
struct ReferralSummary
{
    QString reference;
    QString profileId;
    ReferralStatus status = ReferralStatus::Draft;
    QString handler;
    bool urgent = false;
    QDateTime callStartedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime nextDue;
    QString children;
};

struct ReferralFilter
{
    std::optional<ReferralStatus> status;
    QString profileId;
    QString handler;
    std::optional<bool> urgent;
    // Only referrals still waiting for a decision (drafts and submitted): the home's urgent count and the queue's
    // Urgent view, which at a decade's referrals would otherwise count every urgent call ever decided.
    bool undecidedOnly = false;
    QDateTime dueBefore;
    QDateTime createdFrom; // inclusive
    QDateTime createdTo;   // exclusive
    int offset = 0;
    int limit = 100;
};

// A person in an earlier referral who may be the child being talked about now (the known-child check).
struct PossibleMatch
{
    QString reference;
    QString personId;
    QString kind;       // child, adult
    QString name;
    QDate birthDate;
    int birthYear = 0;
    ReferralStatus status = ReferralStatus::Draft;
    QDateTime callStartedAt;
    int score = 0;      // higher is likelier; 35 and above are returned
    QStringList reasons; // "same name", "name sounds alike", "same date of birth", "born within a month" …
};

// Read-only questions to the store: the queue with filters and paging, search, and possible matches.
class ReferralQueries
{
public:
    explicit ReferralQueries(Database &database) : m_database(database) {}

    // For a person: a call-handler sees only their own referrals (the filter's handler is forced to them), a
    // supervisor all, an administrator none (operation × role table).
    Result<QList<ReferralSummary>> list(const ReferralFilter &filter, const Actor &actor);
    Result<int> count(const ReferralFilter &filter, const Actor &actor);
    Result<QList<ReferralSummary>> search(const QString &text, const Actor &actor, int limit = 50);

    // The store's own reads, for no person in particular (benchmarks, tests, maintenance).
    Result<QList<ReferralSummary>> list(const ReferralFilter &filter);
    Result<int> count(const ReferralFilter &filter);

    // Names and aliases of everyone, addresses, postcode, school, reference; case- and accent-insensitive, each
    // word a prefix; newest referral first; a date ("12/3/2015", "3/2015", "2015-03-12") matches a date of birth exactly or partially.
    Result<QList<ReferralSummary>> search(const QString &text, int limit = 50);
    // The catalog pieces the queue's list or count for `filter` is put together from: its select, then only the
    // filters that are set, so each reads the index it names (exposed for tests of the query plan).
    static QStringList listPieces(const ReferralFilter &filter);
    static QStringList countPieces(const ReferralFilter &filter);
    // The query `text` becomes: FTS5 MATCH on SQLite, a tsquery on the server (exposed for tests).
    static QString searchExpression(const QString &text, Dialect dialect = Dialect::SQLite);

    // `birth` is a stored date-or-age value ("2015-03-12", "age:7y") or empty; `asOf` dates an estimated age.
    Result<QList<PossibleMatch>> possibleMatches(const QString &name, const QString &birth, const QDate &asOf,
                                                 const QString &excludeReference = {}, int limit = 20);

private:
    static Result<ReferralFilter> scopedFor(const ReferralFilter &filter, const Actor &actor);
    Result<QList<ReferralSummary>> searchAs(const QString &text, const QString &handler, int limit);

    Database &m_database;
};

} // namespace FrontDoor
