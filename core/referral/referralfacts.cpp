#include "referral/referralfacts.h"

#include "referral/fields.h"

#include <array>
#include <utility>

namespace FrontDoor::Facts {

namespace {
template<typename Enum, std::size_t N>
Enum lookup(const Answer &answer, const std::array<std::pair<QLatin1StringView, Enum>, N> &table)
{
    if (!answer.hasValue())
        return Enum::Unknown;
    const QString value = answer.value();
    for (const auto &[name, entry] : table) {
        if (value == name)
            return entry;
    }
    return Enum::Unknown;
}
} // namespace

CallerType callerType(const Referral &referral)
{
    static constexpr std::array<std::pair<QLatin1StringView, CallerType>, 6> table{{
        {Option::memberOfPublic, CallerType::MemberOfPublic},
        {Option::professional, CallerType::Professional},
        {Option::parentCarer, CallerType::ParentCarer},
        {Option::child, CallerType::Child},
        {Option::otherChild, CallerType::OtherChild},
        {Option::anonymousCaller, CallerType::Anonymous},
    }};
    return lookup(referral.answer(Field::referrerType), table);
}

ConsentDecision consentDecision(const Referral &referral)
{
    static constexpr std::array<std::pair<QLatin1StringView, ConsentDecision>, 5> table{{
        {Option::consentAgreed, ConsentDecision::Agreed},
        {Option::consentRefused, ConsentDecision::Refused},
        {Option::consentNotSought, ConsentDecision::NotSought},
        {Option::consentNotApplicable, ConsentDecision::NotApplicable},
        {Option::consentNotYetKnown, ConsentDecision::NotYetKnown},
    }};
    return lookup(referral.answer(Field::consentDecision), table);
}

IdentityDecision identityDecision(const Referral &referral)
{
    static constexpr std::array<std::pair<QLatin1StringView, IdentityDecision>, 3> table{{
        {Option::identityMayBeShared, IdentityDecision::MayBeShared},
        {Option::identityNotToFamily, IdentityDecision::NotToFamily},
        {Option::identityAnonymous, IdentityDecision::Anonymous},
    }};
    return lookup(referral.answer(Field::identityDecision), table);
}

bool isYes(const Referral &referral, QAnyStringView key)
{
    return referral.answerIs(key, Option::yes);
}

bool isUnborn(const Person &child)
{
    return child.answerIs(Field::childUnborn, Option::yes);
}

bool anyChildUnborn(const Referral &referral)
{
    for (const Person &child : referral.children) {
        if (isUnborn(child))
            return true;
    }
    return false;
}

bool isCommunityCaller(CallerType type)
{
    switch (type) {
    case CallerType::MemberOfPublic:
    case CallerType::ParentCarer:
    case CallerType::Child:
    case CallerType::OtherChild:
    case CallerType::Anonymous:
        return true;
    case CallerType::Professional:
    case CallerType::Unknown:
        break;
    }
    return false;
}

bool isUrgent(const Referral &referral)
{
    return isYes(referral, Field::triageImmediateDanger) || isYes(referral, Field::triageMedicalAttention)
           || isYes(referral, Field::triageHospitalInpatient) || isYes(referral, Field::triageApproachingDeadline);
}

bool canReceiveFeedback(const Referral &referral)
{
    if (callerType(referral) == CallerType::Anonymous)
        return false;
    for (const Field::Key key : {Field::referrerPhone, Field::referrerEmail, Field::referrerAddress})
        if (referral.answer(key).hasValue())
            return true;
    return false;
}

bool anonymityRequested(const Referral &referral)
{
    const IdentityDecision decision = identityDecision(referral);
    return decision == IdentityDecision::Anonymous || decision == IdentityDecision::NotToFamily
           || callerType(referral) == CallerType::Anonymous;
}

} // namespace FrontDoor::Facts
