#include "store/referralrepository.h"

#include "store/caseaccess.h"
#include "store/database.h"
#include "store/referralindex.h"
#include "store/referralstate.h"
#include "store/storedtime.h"

#include <QRegularExpression>
#include <QSqlQuery>

// ReferralRepository::importReferral, in a file of its own: frontdoor import (issue 8).
namespace FrontDoor {

Result<SaveReceipt> ReferralRepository::importReferral(const Referral &referral, const Actor &actor,
                                                     const QString &source)
{
    if (Status s = permitCase(actor, Operation::ExportOrPrint, referral.reference); !s)
        return s.error();
    if (referral.reference.startsWith(QLatin1String("TRN-")) != m_database.isTraining())
        return makeError(ErrorCode::InvalidInput,
                         m_database.isTraining()
                             ? QStringLiteral("%1 is a live referral: a training database never takes one.").arg(referral.reference)
                             : QStringLiteral("%1 is a training case: a live database never takes one.").arg(referral.reference));
    const QDateTime now = m_clock.now();
    WriteTransaction transaction(m_database);
    if (Status s = transaction.begin(); !s)
        return s.error();
    Result<QSqlQuery *> existing = m_database.exec(QStringLiteral("referrals.exists"), {{"reference", referral.reference}});
    if (!existing)
        return existing.error();
    const bool duplicate = (*existing)->next();
    (*existing)->finish();
    if (duplicate)
        return makeError(ErrorCode::Conflict, QStringLiteral("Referral %1 is already in this database; nothing was "
                                                             "imported (nothing is ever merged).")
                                                  .arg(referral.reference));
    // NOR-2026-000123: this database's own numbering continues after it.
    static const QRegularExpression numbered(QStringLiteral("^(.+)-(\\d{4})-(\\d+)$"));
    if (const QRegularExpressionMatch m = numbered.match(referral.reference); m.hasMatch())
        if (Result<QSqlQuery *> raised = m_database.exec(QStringLiteral("referrals.raiseCounter"),
                                                         {{"prefix", m.captured(1)}, {"year", m.captured(2).toInt()},
                                                          {"serial", m.captured(3).toLongLong()}});
            !raised)
            return raised.error();

    Result<QSqlQuery *> inserted = m_database.exec(
        QStringLiteral("referrals.insert"),
        {{"reference", referral.reference}, {"profile", referral.profileId},
         {"status", referralStatusName(referral.status)}, {"handler", referral.handler}, {"urgent", 0},
         {"callStartedAt", StoredTime::text(referral.callStartedAt)}, {"at", StoredTime::text(now)},
         {"user", actor.userId}, {"nextDue", QVariant()}, {"children", ReferralIndex::childrenSummary(referral)},
         {"document", QStringLiteral("{}")}});
    if (!inserted)
        return inserted.error();
    if (!(*inserted)->next())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("The imported referral was not stored."));
    Current current;
    current.row.id = (*inserted)->value(0).toLongLong();
    current.row.revision = 1;
    current.row.status = referral.status;
    (*inserted)->finish();
    // The row is then written as any save writes it: document, indexes, actions, and the event with its state.
    Result<SaveReceipt> receipt =
        persist(current, referral, ReferralState::flatten(referral),
                {EventDraft{AuditKind::Imported, actor.userId, now, {{QStringLiteral("source"), source}}}}, actor, now);
    if (!receipt)
        return receipt;
    if (Status s = transaction.commit(); !s) {
        m_cache.remove(referral.reference);
        return s.error();
    }
    return receipt;
}

} // namespace FrontDoor
