#include "store/referralrepository.h"

#include "store/database.h"
#include "store/referralindex.h"
#include "store/storedtime.h"

#include <QSqlQuery>

// ReferralRepository's derived rows — the search entry, the known-child keys, the follow-up actions — written in the
// same transaction as the referral, in a file of their own. DerivedRows computes the same rows again for the
// verifier (issue 17).
namespace FrontDoor {

Status ReferralRepository::writeDerived(qint64 id, const Referral &referral, const Derived &derived)
{
    if (derived.searchText) {
        if (Result<QSqlQuery *> r = m_database.exec(QStringLiteral("search.remove"), {{"id", id}}); !r)
            return r.error();
        QVariantMap row{{QStringLiteral("id"), id}, {QStringLiteral("body"), *derived.searchText}};
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
    return {};
}

} // namespace FrontDoor
