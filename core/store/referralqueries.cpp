#include "store/referralqueries.h"

#include "access/permissions.h"
#include "referral/spokendate.h"
#include "referral/textfold.h"
#include "store/database.h"
#include "store/referralindex.h"

#include "store/sqlrow.h"
#include "store/storedtime.h"
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

namespace {


QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// The queue's statement for `filter`: the select named, then only the filters that are set, each bound (the rest are
// not in the statement, so SQLite reads the index they name; see queries.sql).
struct FilteredStatement
{
    QStringList pieces;
    QVariantMap values;
};

FilteredStatement filtered(const QString &select, const ReferralFilter &filter)
{
    FilteredStatement s{{select}, {}};
    if (filter.status) {
        s.pieces.append(QStringLiteral("queries.where.status"));
        s.values.insert(QStringLiteral("status"), referralStatusName(*filter.status));
    } else {
        s.pieces.append(QStringLiteral("queries.where.listed"));
    }
    const auto add = [&s](const char *name, const QVariant &value) {
        if (value.isNull())
            return;
        s.pieces.append(QStringLiteral("queries.and.") + QLatin1String(name));
        s.values.insert(QLatin1String(name), value);
    };
    add("profile", textOrNull(filter.profileId));
    add("handler", textOrNull(filter.handler));
    if (filter.urgent)
        s.pieces.append(*filter.urgent ? QStringLiteral("queries.and.urgent")
                                       : QStringLiteral("queries.and.notUrgent"));
    if (filter.undecidedOnly)
        s.pieces.append(QStringLiteral("queries.and.undecided"));
    add("dueBefore", StoredTime::orNull(filter.dueBefore));
    add("createdFrom", StoredTime::orNull(filter.createdFrom));
    add("createdTo", StoredTime::orNull(filter.createdTo));
    return s;
}

QList<ReferralSummary> summaries(QSqlQuery &q)
{
    QList<ReferralSummary> rows;
    const SqlRow at(q);
    while (q.next()) {
        ReferralSummary row;
        row.reference = at["reference"_L1].toString();
        row.profileId = at["profile"_L1].toString();
        referralStatusFromName(at["status"_L1].toString(), &row.status);
        row.handler = at["handler"_L1].toString();
        row.urgent = at["urgent"_L1].toInt() != 0;
        row.callStartedAt = StoredTime::parse(at["call_started_at"_L1]);
        row.createdAt = StoredTime::parse(at["created_at"_L1]);
        row.updatedAt = StoredTime::parse(at["updated_at"_L1]);
        row.nextDue = StoredTime::parse(at["next_due"_L1]);
        row.children = at["children_summary"_L1].toString();
        rows.append(row);
    }
    q.finish();
    return rows;
}

// The search expression in each dialect's language: FTS5's MATCH on SQLite, a tsquery on the server. Both are asked
// for the same words as ReferralIndex::searchWords stores them, so both find the same referrals.
class SearchSyntax
{
public:
    explicit SearchSyntax(Dialect dialect)
        : m_server(dialect == Dialect::PostgreSQL)
    {}

    QString word(const QString &text) const { return m_server ? phraseOf(text, false) : quoted(text); }
    QString prefix(const QString &text) const { return m_server ? phraseOf(text, true) : quoted(text) + u'*'; }
    QString phrase(const QString &text) const { return word(text); } // a quoted run of words is a phrase in both
    QString either(const QStringList &terms) const
    {
        return u'(' + terms.join(m_server ? QStringLiteral(" | ") : QStringLiteral(" OR ")) + u')';
    }
    QString all(const QStringList &terms) const
    {
        return terms.join(m_server ? QStringLiteral(" & ") : QStringLiteral(" AND "));
    }

private:
    static QString quoted(const QString &text)
    {
        QString escaped = text;
        escaped.replace(u'"', QStringLiteral("\"\""));
        return u'"' + escaped + u'"';
    }
    // The words of `text` as the index holds them, in order (<->), the last one a prefix when asked.
    static QString phraseOf(const QString &text, bool lastIsPrefix)
    {
        const QStringList words = ReferralIndex::searchWords(text).split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            return QStringLiteral("''");
        QStringList lexemes;
        for (qsizetype i = 0; i < words.size(); ++i)
            lexemes.append(u'\'' + words.at(i) + u'\''
                           + (lastIsPrefix && i == words.size() - 1 ? QStringLiteral(":*") : QString()));
        return lexemes.size() == 1 ? lexemes.constFirst() : u'(' + lexemes.join(QStringLiteral(" <-> ")) + u')';
    }

    bool m_server;
};

FilteredStatement listed(const ReferralFilter &filter)
{
    FilteredStatement statement = filtered(QStringLiteral("queries.list.select"), filter);
    statement.pieces.append(QStringLiteral("queries.list.order"));
    return statement;
}

} // namespace

QStringList ReferralQueries::listPieces(const ReferralFilter &filter)
{
    return listed(filter).pieces;
}

QStringList ReferralQueries::countPieces(const ReferralFilter &filter)
{
    return filtered(QStringLiteral("queries.count.select"), filter).pieces;
}

Result<QList<ReferralSummary>> ReferralQueries::list(const ReferralFilter &filter)
{
    FilteredStatement statement = listed(filter);
    statement.values.insert(QStringLiteral("limit"), std::clamp(filter.limit, 1, 10'000));
    statement.values.insert(QStringLiteral("offset"), std::max(0, filter.offset));
    Result<QSqlQuery *> rows = m_database.exec(statement.pieces, statement.values);
    if (!rows)
        return rows.error();
    return summaries(**rows);
}

Result<int> ReferralQueries::count(const ReferralFilter &filter)
{
    const FilteredStatement statement = filtered(QStringLiteral("queries.count.select"), filter);
    Result<QSqlQuery *> rows = m_database.exec(statement.pieces, statement.values);
    if (!rows)
        return rows.error();
    const int count = (*rows)->next() ? (*rows)->value(0).toInt() : 0;
    (*rows)->finish();
    return count;
}

QString ReferralQueries::searchExpression(const QString &text, Dialect dialect)
{
    const SearchSyntax syntax(dialect);
    static const QRegularExpression fullDate(QStringLiteral(R"(^(\d{1,2}[/.\-]\d{1,2}[/.\-](\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$)"));
    static const QRegularExpression monthYear(QStringLiteral(R"(^(\d{1,2})[/.\-](\d{4})$)"));
    static const QRegularExpression year(QStringLiteral(R"(^(19|20)\d{2}$)"));
    QStringList terms;
    for (const QString &word : text.simplified().split(u' ', Qt::SkipEmptyParts)) {
        if (fullDate.match(word).hasMatch()) {
            if (Result<QDate> date = SpokenDate::parse(word, QDate::currentDate(), SpokenDate::Kind::Any)) {
                terms.append(syntax.word(QStringLiteral("dob") + date->toString(QStringLiteral("yyyyMMdd"))));
                continue;
            }
        }
        if (const QRegularExpressionMatch m = monthYear.match(word); m.hasMatch()) {
            const int month = m.captured(1).toInt();
            if (month >= 1 && month <= 12) {
                terms.append(
                    syntax.word(QStringLiteral("dob%1%2").arg(m.captured(2)).arg(month, 2, 10, QLatin1Char('0'))));
                continue;
            }
        }
        if (year.match(word).hasMatch()) {
            terms.append(syntax.either({syntax.word(QStringLiteral("dob") + word), syntax.prefix(word)}));
            continue;
        }
        const QString folded = foldForSearch(word);
        bool hasLetterOrDigit = false;
        for (const QChar c : folded)
            hasLetterOrDigit = hasLetterOrDigit || c.isLetterOrNumber();
        if (!hasLetterOrDigit)
            continue;
        // "obriain" finds "Ó Briain" and "mcdonald" "Mc Donald" (issue 18): a run of letters typed without the
        // space or apostrophe may be two adjacent words of a name — each split is tried as a phrase.
        const bool lettersOnly = std::all_of(folded.cbegin(), folded.cend(), [](QChar c) { return c.isLetter(); });
        // Both dialects' indexes hold the hand folding (ReferralIndex::indexedBody): "oyra" and "Øyra" alike find Øyra.
        QStringList either{syntax.prefix(folded)};
        if (!lettersOnly || folded.size() < 4 || folded.size() > 20) {
            terms.append(syntax.either(either));
            continue;
        }
        for (qsizetype at = 1; at < folded.size(); ++at)
            either.append(syntax.phrase(folded.left(at) + u' ' + folded.mid(at)));
        terms.append(syntax.either(either));
    }
    return syntax.all(terms);
}

Result<ReferralFilter> ReferralQueries::scopedFor(const ReferralFilter &filter, const Actor &actor)
{
    if (isAllowed(actor.role, Operation::ViewAnyReferral))
        return filter;
    if (!isAllowed(actor.role, Operation::ViewOwnReferral))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("A %1 does not see referrals.").arg(roleDisplayName(actor.role).toLower()));
    ReferralFilter own = filter;
    own.handler = actor.userId;
    return own;
}

Result<QList<ReferralSummary>> ReferralQueries::list(const ReferralFilter &filter, const Actor &actor)
{
    Result<ReferralFilter> scoped = scopedFor(filter, actor);
    if (!scoped)
        return scoped.error();
    return list(*scoped);
}

Result<int> ReferralQueries::count(const ReferralFilter &filter, const Actor &actor)
{
    Result<ReferralFilter> scoped = scopedFor(filter, actor);
    if (!scoped)
        return scoped.error();
    return count(*scoped);
}

Result<QList<ReferralSummary>> ReferralQueries::search(const QString &text, const Actor &actor, int limit)
{
    Result<ReferralFilter> scoped = scopedFor(ReferralFilter{}, actor);
    if (!scoped)
        return scoped.error();
    return searchAs(text, scoped->handler, limit);
}

Result<QList<ReferralSummary>> ReferralQueries::search(const QString &text, int limit)
{
    return searchAs(text, {}, limit);
}

Result<QList<ReferralSummary>> ReferralQueries::searchAs(const QString &text, const QString &handler, int limit)
{
    const QString expression = searchExpression(text, m_database.dialect());
    if (expression.isEmpty())
        return QList<ReferralSummary>();
    Result<QSqlQuery *> rows = m_database.exec(QStringLiteral("queries.search"),
                                               {{"query", expression}, {"limit", std::clamp(limit, 1, 1000)},
                                                {"handler", handler.isEmpty() ? QVariant() : QVariant(handler)}});
    if (!rows)
        return rows.error();
    return summaries(**rows);
}

namespace {

// A name as the known-child check compares it: folded (accents, case, punctuation) and its sound-alike keys.
struct NameKeys
{
    QString folded;
    QString given;
    QString family;
};

// How alike two names are (LIN-T3): the same name, sounding alike, the other way round, or one part alike.
int nameScore(PossibleMatch &match, const NameKeys &sought, const NameKeys &candidate)
{
    int score = 0;
    if (candidate.folded == sought.folded) {
        score += 50;
        match.reasons.append(QStringLiteral("same name"));
    } else if (candidate.given == sought.given && candidate.family == sought.family) {
        score += 40;
        match.reasons.append(QStringLiteral("name sounds alike"));
    } else if (candidate.given == sought.family && candidate.family == sought.given) {
        score += 30;
        match.reasons.append(QStringLiteral("names the other way round"));
    } else if (candidate.family == sought.family) {
        score += 20;
        match.reasons.append(QStringLiteral("family name sounds alike"));
    } else if (candidate.given == sought.given) {
        score += 15;
        match.reasons.append(QStringLiteral("first name sounds alike"));
    }
    return score;
}

// How alike two dates of birth (or estimated ages) are; far apart counts against the match.
int birthScore(PossibleMatch &match, const QDate &birthDate, int birthYear)
{
    int score = 0;
    if (birthDate.isValid() && match.birthDate.isValid()) {
        const qint64 days = std::abs(birthDate.daysTo(match.birthDate));
        if (days == 0) {
            score += 40;
            match.reasons.append(QStringLiteral("same date of birth"));
        } else if (days <= 31) {
            score += 25;
            match.reasons.append(QStringLiteral("born within a month"));
        } else if (birthDate.day() == match.birthDate.day() && birthDate.month() == match.birthDate.month()) {
            score += 15;
            match.reasons.append(QStringLiteral("same birthday, another year"));
        } else if (std::abs(birthDate.year() - match.birthDate.year()) > 3) {
            score -= 40;
        }
    } else if (birthYear > 0 && match.birthYear > 0) {
        const int years = std::abs(birthYear - match.birthYear);
        if (years <= 1) {
            score += 10;
            match.reasons.append(QStringLiteral("about the same age"));
        } else if (years > 3) {
            score -= 40;
        }
    }
    return score;
}

// What the possible-match query is given, on either dialect: the bounds that narrow its candidates to those who can
// score as a match (issue 21) — the years either side, the birth date, its ±31 days and its birthday.
QVariantMap
matchBounds(const QString &given, const QString &family, const QString &exclude, const QDate &birthDate, int birthYear)
{
    const auto day = [&](qint64 offset) {
        return birthDate.isValid() ? QVariant(birthDate.addDays(offset).toString(Qt::ISODate)) : QVariant();
    };
    return {{QStringLiteral("given"), given},
            {QStringLiteral("family"), family},
            {QStringLiteral("exclude"), exclude},
            {QStringLiteral("lo"),
             birthYear > 0 ? birthYear - 3 : 0}, // birthScore: more than three years apart counts against
            {QStringLiteral("hi"), birthYear > 0 ? birthYear + 3 : 99'999},
            {QStringLiteral("birth"), day(0)},
            {QStringLiteral("earliest"), day(-31)},
            {QStringLiteral("latest"), day(31)},
            {QStringLiteral("monthDay"),
             birthDate.isValid() ? QVariant(birthDate.toString(QStringLiteral("MM-dd"))) : QVariant()}};
}

} // namespace

Result<QList<PossibleMatch>> ReferralQueries::possibleMatches(const QString &name, const QString &birth,
                                                              const QDate &asOf, const QString &excludeReference,
                                                              int limit)
{
    const auto [given, family] = ReferralIndex::nameKeys(name);
    if (given.isEmpty() && family.isEmpty())
        return QList<PossibleMatch>();
    const QString folded = ReferralIndex::foldedName(name);
    QDate birthDate = QDate::fromString(birth, Qt::ISODate);
    int birthYear = birthDate.isValid() ? birthDate.year() : 0;
    if (EstimatedAge age; !birthDate.isValid() && EstimatedAge::fromCanonical(birth, &age))
        birthYear = asOf.addMonths(-age.months).year();

    Result<QSqlQuery *> rows = m_database.exec(QStringLiteral("queries.possibleMatches"),
                                               matchBounds(given, family, excludeReference, birthDate, birthYear));
    if (!rows)
        return rows.error();
    QSqlQuery &q = **rows;
    QList<PossibleMatch> matches;
    const SqlRow at(q);
    while (q.next()) {
        PossibleMatch match;
        match.personId = at["person_id"_L1].toString();
        match.kind = at["kind"_L1].toString();
        match.name = at["name"_L1].toString();
        const QString candidateFolded = at["name_folded"_L1].toString();
        const QString candidateGiven = at["given_key"_L1].toString();
        const QString candidateFamily = at["family_key"_L1].toString();
        match.birthDate = QDate::fromString(at["birth_date"_L1].toString(), Qt::ISODate);
        match.birthYear = at["birth_year"_L1].toInt();
        match.reference = at["reference"_L1].toString();
        referralStatusFromName(at["status"_L1].toString(), &match.status);
        match.callStartedAt = StoredTime::parse(at["call_started_at"_L1]);

        match.score = nameScore(match, {folded, given, family}, {candidateFolded, candidateGiven, candidateFamily})
                      + birthScore(match, birthDate, birthYear);
        if (match.score >= 35)
            matches.append(match);
    }
    q.finish();
    std::sort(matches.begin(), matches.end(), [](const PossibleMatch &a, const PossibleMatch &b) {
        return a.score != b.score ? a.score > b.score : a.callStartedAt > b.callStartedAt;
    });
    if (matches.size() > limit)
        matches.resize(limit);
    return matches;
}

} // namespace FrontDoor
