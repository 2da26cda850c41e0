#pragma once

#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "rules/rule.h"

#include <QRegularExpression>

namespace FrontDoor::RuleHelpers {

// A value was given, not just "not known" — for the musts that need something written down (a reason, a name).
inline bool hasValue(const Referral &referral, QAnyStringView key)
{
    const Answer answer = referral.answer(key);
    return answer.hasValue() && !answer.value().trimmed().isEmpty();
}

inline bool addressed(const Referral &referral, QAnyStringView key)
{
    return referral.answer(key).isAddressed();
}

// A reference of this front door's own form: PREFIX-YYYY-NNNNNN (six digits or more), TRN- before it in training.
inline bool isOwnReference(const QString &text, const Profile &profile)
{
    static const QRegularExpression form(QStringLiteral("^(TRN-)?([A-Z]+)-\\d{4}-\\d{6,}$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    return m.hasMatch() && m.captured(2) == profile.referencePrefix;
}

inline QString path(QAnyStringView key)
{
    return key.toString();
}

// "children[c1].dateOfBirth", "conversations[v2].summary"
inline QString itemPath(QLatin1StringView list, const QString &id, QAnyStringView field = {})
{
    QString result = list + QLatin1Char('[') + id + QLatin1Char(']');
    if (!field.isEmpty())
        result += QLatin1Char('.') + field.toString();
    return result;
}

} // namespace FrontDoor::RuleHelpers
