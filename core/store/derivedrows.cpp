#include "store/derivedrows.h"

#include "referral/referralfacts.h"
#include "store/referralindex.h"
#include "store/storedtime.h"

namespace FrontDoor::DerivedRows {

Columns columnsOf(const Referral &referral)
{
    Columns columns;
    columns.reference = referral.reference;
    columns.profile = referral.profileId;
    columns.status = referralStatusName(referral.status);
    columns.handler = referral.handler;
    columns.callStartedAt = StoredTime::text(referral.callStartedAt);
    columns.nextDue = StoredTime::text(ReferralIndex::nextDue(referral));
    columns.childrenSummary = ReferralIndex::childrenSummary(referral);
    columns.searchText = ReferralIndex::searchText(referral);
    columns.urgent = Facts::isUrgent(referral) ? 1 : 0;
    return columns;
}

QList<std::pair<const char *, QString>> named(const Columns &c)
{
    return {{"reference", c.reference},
            {"profile", c.profile},
            {"status", c.status},
            {"handler", c.handler},
            {"urgent", QString::number(c.urgent)},
            {"call_started_at", c.callStartedAt},
            {"next_due", c.nextDue},
            {"children_summary", c.childrenSummary},
            {"search_text", c.searchText}};
}

QString encodeRow(const QStringList &fields)
{
    return fields.join(QChar(0x1f)); // the unit separator between fields
}

QStringList personKeyRows(const Referral &referral)
{
    QStringList rows;
    for (const ReferralIndex::PersonKey &key : ReferralIndex::personKeys(referral))
        rows.append(encodeRow({key.personId, key.kind, key.name, key.folded, key.givenKey, key.familyKey,
                               key.birthDate.isValid() ? key.birthDate.toString(Qt::ISODate) : QString(),
                               key.birthYear > 0 ? QString::number(key.birthYear) : QString()}));
    rows.sort();
    return rows;
}

QStringList actionRows(const Referral &referral)
{
    QStringList rows;
    for (const FollowUpAction &action : referral.actions)
        rows.append(encodeRow({action.id, action.kind, action.procedureId, StoredTime::text(action.due),
                               actionStatusName(action.status)}));
    rows.sort();
    return rows;
}

} // namespace FrontDoor::DerivedRows
