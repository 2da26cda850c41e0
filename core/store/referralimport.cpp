#include "store/referralimport.h"

#include "calendar/followupplanner.h"
#include "rules/answerchecks.h"
#include "rules/evaluator.h"
#include "store/caseaccess.h"
#include "store/referralrepository.h"
#include "store/database.h"
#include "store/referralindex.h"
#include "store/referralstate.h"
#include "store/storedtime.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

// ReferralRepository::importReferral and the rules it meets, in a file of their own: frontdoor import (issues 8, 16).
namespace FrontDoor {

namespace ReferralImport {

namespace {

// "NOR-2026-000123": the profile's prefix, a year, six digits; "TRN-" before it for a training case.
Status referenceProblem(const Referral &referral, const Profile &profile, bool training, const QDateTime &now)
{
    if (referral.profileId != profile.id)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 belongs to the %2 profile, not %3.")
                                                      .arg(referral.reference, referral.profileId, profile.id));
    const bool trainingCase = referral.reference.startsWith(QLatin1String("TRN-"));
    if (trainingCase != training)
        return makeError(ErrorCode::InvalidInput,
                         training ? QStringLiteral("%1 is a live referral: a training database never takes one.")
                                        .arg(referral.reference)
                                  : QStringLiteral("%1 is a training case: a live database never takes one.")
                                        .arg(referral.reference));
    const QRegularExpression form(QRegularExpression::anchoredPattern(
        QStringLiteral("%1%2-(\\d{4})-\\d{6}")
            .arg(training ? QStringLiteral("TRN-") : QString(), QRegularExpression::escape(profile.referencePrefix))));
    const QRegularExpressionMatch m = form.match(referral.reference);
    if (!m.hasMatch() || m.captured(1).toInt() < 2000 || m.captured(1).toInt() > now.date().year() + 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not a reference of %2's form (%3%4-YYYY-NNNNNN, six digits).")
                             .arg(referral.reference.left(64), profile.shortName,
                                  training ? QStringLiteral("TRN-") : QString(), profile.referencePrefix));
    return {};
}

Error refusal(const QString &reference, const QString &why, const Findings &findings)
{
    QStringList items;
    for (const Finding &finding : findings.mid(0, 5))
        items.append(QStringLiteral("%1 (%2, %3)").arg(finding.message, finding.ruleId, finding.path));
    if (findings.size() > 5)
        items.append(QStringLiteral("and %1 more").arg(findings.size() - 5));
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("%1 %2: %3.").arg(reference, why, items.join(QStringLiteral("; "))));
}

} // namespace

QString importedPerson(const QString &userId)
{
    if (userId.isEmpty() || userId.endsWith(QLatin1String(" (imported)")))
        return userId;
    return userId + QStringLiteral(" (imported)");
}

Status problems(const Referral &referral, const Profile &profile, bool training, const QDateTime &now)
{
    if (Status s = referenceProblem(referral, profile, training, now); !s)
        return s;
    if (const Findings values = valueProblems(referral, profile, now); !values.isEmpty())
        return refusal(referral.reference, QStringLiteral("holds what no Front Door could have recorded"), values);
    if (referral.status == ReferralStatus::Draft || referral.status == ReferralStatus::Discarded)
        return {}; // a call still being taken, or one started by mistake: no must applies yet, or any more
    const Stage stage = referral.status == ReferralStatus::Submitted ? Stage::Intake : Stage::Decision;
    if (stage == Stage::Decision)
        for (const ChildOutcome &outcome : referral.outcomes)
            if (outcome.decidedBy.trimmed().isEmpty() || !outcome.decidedAt.isValid())
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("%1 is marked %2, but the outcome for child %3 does not say who "
                                                "decided it and when (NOR-D2: decisions are signed).")
                                     .arg(referral.reference, referralStatusName(referral.status),
                                          outcome.childId.mid(1)));
    if (const Findings blocking = withSeverity(evaluate(referral, profile, now, stage), Severity::Blocking);
        !blocking.isEmpty())
        return refusal(referral.reference,
                       QStringLiteral("is marked %1 but does not meet the procedure's musts for it")
                           .arg(referralStatusName(referral.status)),
                       blocking);
    return {};
}

Referral asStoredHere(Referral referral, const Profile &profile, const WorkingCalendar &calendar)
{
    referral.handler = importedPerson(referral.handler);
    for (ChildOutcome &o : referral.outcomes)
        o.decidedBy = importedPerson(o.decidedBy);
    for (Conversation &c : referral.conversations)
        c.recordedBy = importedPerson(c.recordedBy);
    for (FeedbackRecord &f : referral.feedback)
        f.givenBy = importedPerson(f.givenBy);
    for (Disagreement &d : referral.disagreements)
        d.recordedBy = importedPerson(d.recordedBy);
    for (FollowUpAction &a : referral.actions)
        a.completedBy = importedPerson(a.completedBy);
    if (referral.status != ReferralStatus::Draft && referral.actions.isEmpty()) {
        referral.actions = plannedActions(referral, profile, calendar);
        const ChildOutcome *signedThere = referral.outcomes.isEmpty() ? nullptr : &referral.outcomes.constFirst();
        markMetActions(referral, signedThere ? signedThere->decidedBy : referral.handler,
                       signedThere ? signedThere->decidedAt : referral.callEndedAt);
    }
    return referral;
}

} // namespace ReferralImport

namespace {

// Where an imported referral came from and who acted on it there, for the trail (not local accounts).
QJsonObject provenance(const Referral &referral, const QString &source)
{
    QJsonArray signedBy;
    for (const ChildOutcome &o : referral.outcomes)
        signedBy.append(QJsonObject{{QStringLiteral("child"), o.childId}, {QStringLiteral("by"), o.decidedBy},
                                    {QStringLiteral("at"), StoredTime::text(o.decidedAt)}});
    return {{QStringLiteral("source"), source},
            {QStringLiteral("statusThere"), referralStatusName(referral.status)},
            {QStringLiteral("handledThereBy"), referral.handler},
            {QStringLiteral("decidedThereBy"), signedBy}};
}

} // namespace

Result<SaveReceipt> ReferralRepository::importReferral(
    const Referral &incoming, const Profile &profile, const Actor &actor, const QString &source, ImportedPeople people)
{
    if (Status s = permitCase(actor, Operation::ExportOrPrint, incoming.reference); !s)
        return s.error();
    const QDateTime now = m_clock.now();
    if (Status s = ReferralImport::problems(incoming, profile, m_database.isTraining(), now); !s)
        return makeError(s.error().code, s.errorMessage() + QStringLiteral(" Nothing was imported."));
    const Referral referral
        = people == ImportedPeople::Keep ? incoming : ReferralImport::asStoredHere(incoming, profile, m_calendar);
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
    // NOR-2026-000123: this database's own numbering continues after it (six digits at most: the form checked above).
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
         {"document", QStringLiteral("{}")}, {"searchText", QStringLiteral("")}});
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
                {EventDraft{AuditKind::Imported, actor.userId, now, provenance(incoming, source)}}, actor, now);
    if (!receipt)
        return receipt;
    if (Status s = transaction.commit(); !s) {
        m_cache.remove(referral.reference);
        return s.error();
    }
    return receipt;
}

} // namespace FrontDoor
