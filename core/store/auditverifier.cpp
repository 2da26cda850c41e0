#include "store/auditverifier.h"
#include "store/referralindex.h"

#include "common/uktime.h"
#include "referral/referraljson.h"
#include "store/accounttrail.h"
#include "store/database.h"
#include "store/derivedrows.h"
#include "store/referralrepository.h"
#include "store/referralstate.h"
#include "store/schemaguards.h"
#include "store/sqlrow.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <future>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

namespace {

constexpr int mostFindings = 100; // a file changed wholesale is not listed row by row

using RowsById = QHash<qint64, QStringList>;

// Reads a whole statement forward-only (the verifier walks every row of a large file once).
Result<std::unique_ptr<QSqlQuery>> walk(Database &database, const QString &key)
{
    auto rows = std::make_unique<QSqlQuery>(database.connection());
    rows->setForwardOnly(true);
    if (!rows->exec(database.sql().statement(key)))
        return databaseError(rows->lastError(), database.path());
    return rows;
}

// Rows keyed by their first column (a referral's id), the rest encoded as DerivedRows does.
void collect(QSqlQuery &rows, RowsById &byId)
{
    const int columns = rows.record().count();
    while (rows.next()) {
        QStringList fields;
        for (int i = 1; i < columns; ++i) // NULL is empty: PostgreSQL's driver reads a NULL integer as "0"
            fields.append(rows.isNull(i) ? QString() : rows.value(i).toString());
        byId[rows.value(0).toLongLong()].append(DerivedRows::encodeRow(fields));
    }
    for (QStringList &list : byId)
        list.sort();
}

Result<RowsById> rowsById(Database &database, const QString &key)
{
    Result<std::unique_ptr<QSqlQuery>> rows = walk(database, key);
    if (!rows)
        return rows.error();
    RowsById byId;
    collect(**rows, byId);
    return byId;
}

class Findings
{
public:
    explicit Findings(AuditVerifier::Report &report) : m_report(report) {}
    void add(const QString &finding)
    {
        if (m_report.findings.size() < mostFindings)
            m_report.findings.append(finding);
        else if (m_report.findings.size() == mostFindings)
            m_report.findings.append(QStringLiteral("… and more: the file was changed wholesale"));
    }

private:
    AuditVerifier::Report &m_report;
};

// Every referral row against its trail and against its derived rows recomputed.
class ReferralCheck
{
public:
    ReferralCheck(AuditVerifier::Report &report, Findings &findings) : m_report(report), m_findings(findings) {}

    Status load(Database &database)
    {
        m_server = database.isServer();
        Result<QSqlQuery *> states = database.exec(QStringLiteral("audit.latestStates"));
        if (!states)
            return states.error();
        while ((*states)->next())
            m_vouched.insert((*states)->value(0).toString(), (*states)->value(1).toString());
        (*states)->finish();
        Result<std::unique_ptr<QSqlQuery>> search = walk(database, QStringLiteral("search.all"));
        if (!search)
            return search.error();
        while ((*search)->next())
            m_search.insert((*search)->value(0).toLongLong(), (*search)->value(1).toString());
        Result<RowsById> persons = rowsById(database, QStringLiteral("persons.all"));
        if (!persons)
            return persons.error();
        m_persons = std::move(*persons);
        Result<RowsById> actions = rowsById(database, QStringLiteral("actions.all"));
        if (!actions)
            return actions.error();
        m_actions = std::move(*actions);
        return {};
    }

    // For a run from a checkpoint: what one touched referral's checks compare against.
    Status loadOne(Database &database, const QString &reference, qint64 id)
    {
        m_server = database.isServer();
        Result<QSqlQuery *> state = database.exec(QStringLiteral("audit.latestStatesOf"), {{"reference", reference}});
        if (!state)
            return state.error();
        if ((*state)->next())
            m_vouched.insert(reference, (*state)->value(0).toString());
        (*state)->finish();
        Result<QSqlQuery *> search = database.exec(QStringLiteral("search.ofReferral"), {{"id", id}});
        if (!search)
            return search.error();
        if ((*search)->next())
            m_search.insert(id, (*search)->value(1).toString());
        (*search)->finish();
        for (const auto &[key, rows] :
             {std::pair{"persons.ofReferral", &m_persons}, std::pair{"actions.ofReferral", &m_actions}}) {
            Result<QSqlQuery *> found = database.exec(QString::fromLatin1(key), {{"id", id}});
            if (!found)
                return found.error();
            collect(**found, *rows);
            (*found)->finish();
        }
        return {};
    }

    // For a run from a checkpoint: every referral present, for "begun but gone" (a full run sees them in check()).
    Status loadPresent(Database &database)
    {
        Result<std::unique_ptr<QSqlQuery>> references = walk(database, QStringLiteral("referrals.allReferences"));
        if (!references)
            return references.error();
        while ((*references)->next())
            m_present.insert((*references)->value(0).toString());
        return {};
    }

    // One referral row as stored, read off the query so its checks can be worked out on another thread.
    struct Row
    {
        qint64 id = 0;
        QString reference;
        QByteArray document;
        QString pendingPath;
        QString pendingFrom;
        QList<std::pair<const char *, QString>> columns; // the derived columns as stored, by DerivedRows::named
    };
    // What the row's record makes of it: its state hash and its derived rows, from the document alone.
    struct Expected
    {
        Result<Referral> referral = Referral{};
        QString state;
        DerivedRows::Columns columns;
        QString indexed;
        QStringList persons;
        QStringList actions;
    };

    static Row read(const QSqlQuery &q)
    {
        const SqlRow at(q);
        Row row{at["id"_L1].toLongLong(),
                at["reference"_L1].toString(),
                at["document"_L1].toString().toUtf8(),
                at["pending_path"_L1].toString(),
                at["pending_from"_L1].toString(),
                {}};
        for (const auto &[column, value] : DerivedRows::named(DerivedRows::Columns{}))
            row.columns.append({column, at[QLatin1StringView(column)].toString()});
        return row;
    }

    // Pure: no member is read or written, so rows are worked out on every core at once (issue 21: a million referrals
    // took 32 minutes on one).
    static Expected expected(const Row &row, bool server)
    {
        Expected e;
        e.referral = ReferralJson::readStored(row.document, row.reference);
        if (!e.referral)
            return e;
        e.state = auditedStateHash(ReferralState::flatten(*e.referral), row.pendingPath, row.pendingFrom);
        e.columns = DerivedRows::columnsOf(*e.referral);
        e.indexed = ReferralIndex::indexedBody(e.columns.searchText, server);
        e.persons = DerivedRows::personKeyRows(*e.referral);
        e.actions = DerivedRows::actionRows(*e.referral);
        return e;
    }

    void check(const QSqlQuery &q)
    {
        const Row row = read(q);
        compare(row, expected(row, m_server));
    }

    // A batch of rows worked out on every core, then compared in order (the findings read as a one-core run's).
    void checkAll(const QList<Row> &rows)
    {
        QList<Expected> results(rows.size());
        const int threads = int(std::clamp(std::thread::hardware_concurrency(), 1U, 8U));
        const auto work = [&rows, &results, threads, server = m_server](int first) {
            for (qsizetype i = first; i < rows.size(); i += threads)
                results[i] = expected(rows.at(i), server);
        };
        std::vector<std::future<void>> others;
        for (int t = 1; t < threads; ++t)
            others.push_back(std::async(std::launch::async, work, t));
        work(0);
        for (std::future<void> &other : others)
            other.get();
        for (qsizetype i = 0; i < rows.size(); ++i)
            compare(rows.at(i), results.at(i));
    }

    void compare(const Row &row, const Expected &e)
    {
        ++m_report.referralsChecked;
        m_present.insert(row.reference);
        if (e.state.isEmpty() || m_vouched.value(row.reference) != e.state) {
            if (m_report.alteredReferral.isEmpty())
                m_report.alteredReferral = row.reference;
            m_findings.add(QStringLiteral("referral %1 holds a state its audit trail does not record (it was changed "
                                          "outside Front Door)%2")
                               .arg(row.reference, e.referral ? QString() : u": "_s + e.referral.errorMessage()));
        }
        if (!e.referral)
            return;
        checkColumns(row, e.columns);
        if (m_search.take(row.id) != e.indexed)
            m_findings.add(QStringLiteral("referral %1: its search entry is not what its record holds (so a search "
                                          "would miss it, or find it by words it does not contain)")
                               .arg(row.reference));
        if (m_persons.take(row.id) != e.persons)
            m_findings.add(QStringLiteral("referral %1: its known-child keys (person_keys) are not those of the "
                                          "people its record names")
                               .arg(row.reference));
        if (m_actions.take(row.id) != e.actions)
            m_findings.add(QStringLiteral("referral %1: its follow-up action rows are not the actions its record "
                                          "holds")
                               .arg(row.reference));
    }

    // What is left: rows whose referral is gone, and referrals the trail began that are gone.
    void finish(Database &database)
    {
        for (auto it = m_search.cbegin(); it != m_search.cend(); ++it)
            m_findings.add(QStringLiteral("a search entry (row %1) belongs to no referral").arg(it.key()));
        for (const auto &[rows, what] : {std::pair{&m_persons, "known-child keys"}, std::pair{&m_actions, "follow-up actions"}})
            for (auto it = rows->cbegin(); it != rows->cend(); ++it)
                m_findings.add(QStringLiteral("%1 for referral row %2, which does not exist")
                                   .arg(QString::fromLatin1(what)).arg(it.key()));
        findGone(database);
    }

    void findGone(Database &database)
    {
        Result<QSqlQuery *> begun = database.exec(QStringLiteral("audit.referralsBegun"));
        if (!begun)
            return m_findings.add(begun.errorMessage());
        while ((*begun)->next()) {
            const QString reference = (*begun)->value(0).toString();
            if (!m_present.contains(reference))
                m_findings.add(QStringLiteral("referral %1, begun at event %2, is gone from the database (deleted "
                                              "outside Front Door)")
                                   .arg(reference).arg((*begun)->value(1).toLongLong()));
        }
        (*begun)->finish();
    }

private:
    void checkColumns(const Row &row, const DerivedRows::Columns &expected)
    {
        const QList<std::pair<const char *, QString>> made = DerivedRows::named(expected);
        for (qsizetype i = 0; i < made.size(); ++i) {
            const QString &stored = row.columns.at(i).second;
            const QString &value = made.at(i).second;
            if (stored != value)
                m_findings.add(
                    QStringLiteral("referral %1: its %2 column reads \"%3\", but its record makes it \"%4\"")
                        .arg(row.reference, QLatin1StringView(made.at(i).first), stored.left(80), value.left(80)));
        }
    }

    AuditVerifier::Report &m_report;
    Findings &m_findings;
    QHash<QString, QString> m_vouched;
    QHash<qint64, QString> m_search;
    bool m_server = false; // which body the index holds (ReferralIndex::indexedBody)
    RowsById m_persons;
    RowsById m_actions;
    QSet<QString> m_present;
};

} // namespace

QString AuditVerifier::Report::summary() const
{
    if (!chain.intact)
        return QStringLiteral("BROKEN at event %1: %2").arg(chain.brokenAt).arg(chain.problem);
    if (!findings.isEmpty())
        return QStringLiteral("BROKEN: %1").arg(findings.join(QStringLiteral("\n  ")));
    if (!checkpoint)
        return QStringLiteral("OK: %1 events, %2 referrals and %3 accounts checked, head %4")
            .arg(chain.events)
            .arg(referralsChecked)
            .arg(accountsChecked)
            .arg(chain.headHash);
    const QString format = QStringLiteral("d MMM yyyy HH:mm");
    return QStringLiteral("OK since event %1 (verified %2): %3 events, the %4 referrals they touched, %5 accounts and "
                          "%6 anchored heads checked, head %7 (event %8). %9")
        .arg(checkpoint->sequence)
        .arg(UkTime::text(checkpoint->at, format))
        .arg(chain.events)
        .arg(referralsChecked)
        .arg(accountsChecked)
        .arg(anchorsChecked)
        .arg(chain.headHash)
        .arg(chain.headSequence)
        .arg(lastFull ? QStringLiteral("Last full run: %1; `verify-audit --full` checks every referral again.")
                            .arg(UkTime::text(lastFull->at, format))
                      : QStringLiteral("No full run is recorded: run `verify-audit --full`."));
}

namespace {

// The guards and the accounts: every run checks them whole (they are small).
Status checkGuardsAndAccounts(Database &database, AuditVerifier::Report &report, Findings &findings)
{
    Result<QStringList> guards = SchemaGuards::problems(database);
    if (!guards)
        return guards.error();
    for (const QString &problem : *guards)
        findings.add(problem);
    Result<AccountTrail::Check> accounts = AccountTrail::check(database);
    if (!accounts)
        return accounts.error();
    report.accountsChecked = accounts->accounts;
    for (const QString &problem : accounts->findings)
        findings.add(problem);
    return {};
}

const QString fullOccasion = QStringLiteral("verified");
const QString sinceOccasion = QStringLiteral("verified since");

} // namespace

namespace {

// Every referral row, then what is left over: derived rows without a referral, referrals begun but gone.
Status checkAllReferrals(Database &database, ReferralCheck &referrals)
{
    if (Status loaded = referrals.load(database); !loaded)
        return loaded.error();
    Result<std::unique_ptr<QSqlQuery>> rows = walk(database, QStringLiteral("referrals.forVerifying"));
    if (!rows)
        return rows.error();
    QList<ReferralCheck::Row> batch;
    while ((*rows)->next()) {
        batch.append(ReferralCheck::read(**rows));
        if (batch.size() == 512) {
            referrals.checkAll(batch);
            batch.clear();
        }
    }
    referrals.checkAll(batch);
    referrals.finish(database);
    return {};
}

// The referrals events after `since` touched, then every referral begun but gone.
Status checkTouchedReferrals(Database &database, ReferralCheck &referrals, qint64 since)
{
    if (Status present = referrals.loadPresent(database); !present)
        return present.error();
    Result<QStringList> references = database.column(QStringLiteral("audit.referencesSince"), {{"seq", since}});
    if (!references)
        return references.error();
    for (const QString &reference : std::as_const(*references)) {
        Result<QSqlQuery *> row
            = database.exec(QStringLiteral("referrals.forVerifyingOne"), {{"reference", reference}});
        if (!row)
            return row.error();
        if (!(*row)->next()) { // gone: findGone names it
            (*row)->finish();
            continue;
        }
        if (Status loaded = referrals.loadOne(database, reference, (*row)->value(0).toLongLong()); !loaded)
            return loaded.error();
        referrals.check(**row);
        (*row)->finish();
    }
    referrals.findGone(database);
    return {};
}

Result<AuditVerifier::Report> run(Database &database, const std::optional<Anchor> &checkpoint)
{
    AuditVerifier::Report report;
    report.checkpoint = checkpoint;
    Result<AuditTrail::Verification> chain
        = checkpoint ? AuditTrail::verifyChain(database, {checkpoint->sequence, checkpoint->hash})
                     : AuditTrail::verifyChain(database);
    if (!chain)
        return chain.error();
    report.chain = *chain;
    if (!chain->intact)
        return report;
    Findings findings(report);
    ReferralCheck referrals(report, findings);
    if (Status checked = checkpoint ? checkTouchedReferrals(database, referrals, checkpoint->sequence)
                                    : checkAllReferrals(database, referrals);
        !checked)
        return checked.error();
    if (Status checked = checkGuardsAndAccounts(database, report, findings); !checked)
        return checked.error();
    return report;
}

} // namespace

Result<AuditVerifier::Report> AuditVerifier::verify(Database &database)
{
    return run(database, std::nullopt);
}

Result<AuditVerifier::Report> AuditVerifier::verifySince(Database &database, const Anchor &checkpoint)
{
    return run(database, checkpoint);
}

Result<AuditVerifier::Report>
AuditVerifier::verifyAnchored(Database &database, const QString &anchorFile, Scope scope, const AnchorSelection &which)
{
    if (!QFileInfo::exists(anchorFile))
        return verify(database);
    Result<QList<Anchor>> anchors = AnchorLog::read(anchorFile);
    if (!anchors)
        return anchors.error();
    Result<AnchorLog::Check> held = AnchorLog::check(database, anchorFile, which);
    if (!held)
        return held.error();
    std::optional<Anchor> checkpoint;
    std::optional<Anchor> lastFull;
    for (const Anchor &anchor : AnchorLog::current(*anchors, which)) {
        if (anchor.occasion == fullOccasion || anchor.occasion == sinceOccasion)
            checkpoint = anchor;
        if (anchor.occasion == fullOccasion)
            lastFull = anchor;
    }
    // A checkpoint is trusted only while every anchored head is still held: otherwise the whole file is suspect.
    const bool fromCheckpoint = scope == Scope::SinceCheckpoint && checkpoint && held->ok();
    Result<Report> report = fromCheckpoint ? verifySince(database, *checkpoint) : verify(database);
    if (!report)
        return report.error();
    report->anchorsChecked = held->checked;
    report->lastFull = lastFull;
    if (!held->ok())
        report->findings.prepend(QStringLiteral("%1: %2").arg(anchorFile, held->problem));
    return report;
}

QString AuditVerifier::verifiedOccasion(const Report &report)
{
    return report.checkpoint ? sinceOccasion : fullOccasion;
}

} // namespace FrontDoor
