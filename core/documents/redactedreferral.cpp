#include "redactedreferral.h"

#include "referral/fields.h"
#include "referral/referralfacts.h"

namespace FrontDoor {

bool mayNameReferrer(const Referral &referral, Audience audience)
{
    if (audience == Audience::Internal)
        return true;
    const CallerType caller = Facts::callerType(referral);
    const IdentityDecision decision = Facts::identityDecision(referral);
    if (caller == CallerType::Anonymous || caller == CallerType::Unknown)
        return false;
    if (audience == Audience::Agency && caller == CallerType::Professional)
        return true;
    return decision == IdentityDecision::MayBeShared;
}

RedactedReferral::RedactedReferral(const Referral &referral, Audience audience)
    : m_referral(referral), m_audience(audience), m_namesReferrer(mayNameReferrer(referral, audience))
{
    if (m_namesReferrer)
        return;
    for (auto it = m_referral.answers.begin(); it != m_referral.answers.end();) {
        if (it.key().startsWith(QLatin1String("referrer.")) || it.key().startsWith(QLatin1String("identity.")))
            it = m_referral.answers.erase(it);
        else
            ++it;
    }
    m_referral.conversations.erase(std::remove_if(m_referral.conversations.begin(), m_referral.conversations.end(),
                                                  [](const Conversation &c) { return c.with == QLatin1String("caller"); }),
                                   m_referral.conversations.end());
    m_referral.feedback.clear(); // what the referrer was told is about them
    m_referral.disagreements.clear();
}

} // namespace FrontDoor
