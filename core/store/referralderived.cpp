#include "store/referralrepository.h"

#include "store/database.h"
#include "store/referralindex.h"
#include "store/storedtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

// ReferralRepository's derived rows — the search entry, the known-child keys, the follow-up actions — written in the
// same transaction as the referral, in a file of their own. DerivedRows computes the same rows again for the
// verifier (issue 17).
namespace FrontDoor {

Status ReferralRepository::writeDerived(
    qint64 id, const Referral &referral, const Derived &derived, const QString &notice, const QDateTime &at)
{
    if (m_database.isServer()) {
        Result<bool> written = writeOnServer(nullptr, id, referral, derived, notice, at);
        return written ? Status{} : Status(written.error());
    }
    if (derived.searchText) {
        if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("search.remove"), {{"id", id}}); !r)
            return r.error();
        QVariantMap row{{QStringLiteral("id"), id},
                        {QStringLiteral("body"), ReferralIndex::indexedBody(*derived.searchText, false)}};
        if (m_database.isServer()) // the server's tsvector is built from the words as SQLite's tokenizer sees them
            row.insert(QStringLiteral("words"), ReferralIndex::searchWords(*derived.searchText));
        if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("search.add"), row); !r)
            return r.error();
    }
    if (derived.personKeys) {
        if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("persons.remove"), {{"id", id}}); !r)
            return r.error();
        for (const ReferralIndex::PersonKey &key : ReferralIndex::personKeys(referral)) {
            Result<QSqlQuery *> r = m_database.exec(
                QStringLiteral("persons.add"),
                {{"id", id}, {"person", key.personId}, {"kind", key.kind}, {"name", key.name}, {"folded", key.folded},
                 {"given", key.givenKey}, {"family", key.familyKey},
                 {"birthDate", key.birthDate.isValid() ? QVariant(key.birthDate.toString(Qt::ISODate)) : QVariant()},
                 {"birthYear", key.birthYear > 0 ? QVariant(key.birthYear) : QVariant()}});
            if (!r)
                return r.error();
        }
    }
    if (derived.actions) {
        if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("actions.remove"), {{"id", id}}); !r)
            return r.error();
        for (const FollowUpAction &action : referral.actions) {
            Result<QSqlQuery *> r = m_database.exec(
                QStringLiteral("actions.add"),
                {{"id", id}, {"action", action.id}, {"kind", action.kind}, {"procedure", action.procedureId},
                 {"due", StoredTime::orNull(action.due)}, {"status", actionStatusName(action.status)}});
            if (!r)
                return r.error();
        }
    }
    if (Result<QSqlQuery *> e
        = m_database.exec(QStringLiteral("events.add"),
                          {{"kind", notice}, {"reference", referral.reference}, {"at", StoredTime::text(at)}});
        !e)
        return e.error();
    return {};
}

namespace {

bool isNull(const QVariant &value)
{
    return !value.isValid() || value.isNull();
}

bool differs(const QVariant &stored, const QVariant &value)
{
    if (isNull(stored) || isNull(value))
        return isNull(stored) != isNull(value);
    return stored.toString() != value.toString();
}

// referrals.update's pieces: the columns every save writes, then one piece per group of columns a save may leave
// alone (issue 21). A keystroke that goes on typing into the same answer writes the document and its time, not the
// status, flags, due date, children, search text or the burst's start, so no index's page is rewritten for it.
struct UpdatePiece
{
    const char *piece;
    QStringList values;
};

const QList<UpdatePiece> &optionalPieces()
{
    static const QList<UpdatePiece> pieces{
        {"referrals.update.status", {QStringLiteral("status")}},
        {"referrals.update.urgent", {QStringLiteral("urgent")}},
        {"referrals.update.nextDue", {QStringLiteral("nextDue")}},
        {"referrals.update.children", {QStringLiteral("children")}},
        {"referrals.update.searchText", {QStringLiteral("searchText")}},
        {"referrals.update.pending",
         {QStringLiteral("pendingPath"), QStringLiteral("pendingFrom"), QStringLiteral("pendingBy")}},
        {"referrals.update.pendingAt", {QStringLiteral("pendingAt")}}};
    return pieces;
}

} // namespace

Result<bool> ReferralRepository::writeReferral(const QVariantMap &update,
                                               const std::optional<QVariantMap> &stored,
                                               const Referral &referral,
                                               const Derived &derived,
                                               const QString &notice,
                                               const QDateTime &at,
                                               ServerWrite how,
                                               const QList<AuditTrail::Writer::Draft> &events,
                                               AuditTrail::Writer *audit)
{
    const qint64 id = update.value(QStringLiteral("id")).toLongLong();
    if (m_database.isServer())
        return writeOnServer(&update, id, referral, derived, notice, at, how, events, audit);
    QStringList pieces{QStringLiteral("referrals.update.set")};
    QVariantMap values;
    for (const char *always : {"document", "at", "user", "id", "expected"})
        values.insert(QLatin1String(always), update.value(QLatin1String(always)));
    for (const UpdatePiece &optional : optionalPieces()) {
        const bool changed
            = !stored || std::any_of(optional.values.cbegin(), optional.values.cend(), [&](const QString &key) {
                  return differs(stored->value(key), update.value(key));
              });
        if (!changed)
            continue;
        pieces.append(QLatin1String(optional.piece));
        for (const QString &key : optional.values)
            values.insert(key, update.value(key));
    }
    pieces.append(QStringLiteral("referrals.update.where"));
    Result<QSqlQuery *> updated = m_database.exec(pieces, values);
    if (!updated)
        return updated.error();
    if ((*updated)->numRowsAffected() != 1)
        return false;
    if (Status s = writeDerived(id, referral, derived, notice, at); !s)
        return s.error();
    return true;
}

// The same writes as above, sent as JSON to frontdoor.referral_written: a save on the server was ten round trips or
// more (one per statement, one per person), which made it 6.45x a bare insert at 30 desks (bench_team).
Result<bool> ReferralRepository::writeOnServer(const QVariantMap *update,
                                               qint64 id,
                                               const Referral &referral,
                                               const Derived &derived,
                                               const QString &notice,
                                               const QDateTime &at,
                                               ServerWrite how,
                                               const QList<AuditTrail::Writer::Draft> &events,
                                               AuditTrail::Writer *audit)
{
    const auto json = [](const auto &value) {
        return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
    };
    QVariant keys;
    if (derived.personKeys) {
        QJsonArray rows;
        for (const ReferralIndex::PersonKey &key : ReferralIndex::personKeys(referral))
            rows.append(QJsonObject{
                {QStringLiteral("person"), key.personId},
                {QStringLiteral("kind"), key.kind},
                {QStringLiteral("name"), key.name},
                {QStringLiteral("folded"), key.folded},
                {QStringLiteral("given"), key.givenKey},
                {QStringLiteral("family"), key.familyKey},
                {QStringLiteral("birth_date"),
                 key.birthDate.isValid() ? QJsonValue(key.birthDate.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("birth_year"), key.birthYear > 0 ? QJsonValue(key.birthYear) : QJsonValue()}});
        keys = json(rows);
    }
    QVariant actions;
    if (derived.actions) {
        QJsonArray rows;
        for (const FollowUpAction &action : referral.actions) {
            const QVariant due = StoredTime::orNull(action.due);
            rows.append(QJsonObject{{QStringLiteral("action"), action.id},
                                    {QStringLiteral("kind"), action.kind},
                                    {QStringLiteral("procedure"), action.procedureId},
                                    {QStringLiteral("due"), due.isNull() ? QJsonValue() : QJsonValue(due.toString())},
                                    {QStringLiteral("status"), actionStatusName(action.status)}});
        }
        actions = json(rows);
    }
    QVariantMap values{
        {QStringLiteral("row"), update ? QVariant(json(QJsonObject::fromVariantMap(*update))) : QVariant()},
        {QStringLiteral("id"), id},
        {QStringLiteral("reference"), referral.reference},
        {QStringLiteral("searchBody"), derived.searchText ? QVariant(*derived.searchText) : QVariant()},
        {QStringLiteral("searchWords"),
         derived.searchText ? QVariant(ReferralIndex::searchWords(*derived.searchText)) : QVariant()},
        {QStringLiteral("keys"), keys},
        {QStringLiteral("actions"), actions},
        {QStringLiteral("notice"), notice},
        {QStringLiteral("at"), StoredTime::text(at)}};
    if (how != ServerWrite::Written)
        values.insert(QStringLiteral("instance"), m_instanceId);
    if (how == ServerWrite::Saved)
        values.insert(QStringLiteral("events"),
                      events.isEmpty() ? QVariant() : QVariant(AuditTrail::Writer::encode(referral.reference, events)));
    Result<QSqlQuery *> r = m_database.exec(how == ServerWrite::Typed   ? QStringLiteral("referrals.typed")
                                            : how == ServerWrite::Saved ? QStringLiteral("referrals.saved")
                                                                        : QStringLiteral("referrals.written"),
                                            values);
    if (!r)
        return r.error();
    // The change's event number (0, or no row when saved: not written), announced to the other desks once it has
    // committed.
    const bool answered = (*r)->next();
    const qint64 event = answered ? (*r)->value(0).toLongLong() : 0;
    if (how == ServerWrite::Saved && answered && !events.isEmpty()) {
        // The links follow, one row each, as audit_append_all answers them.
        if (Status s = audit->accept(referral.reference, events, **r); !s) {
            (*r)->finish();
            return s.error();
        }
    }
    (*r)->finish();
    if (event > 0)
        m_database.announce(event);
    return how == ServerWrite::Saved ? answered : event > 0;
}

} // namespace FrontDoor
