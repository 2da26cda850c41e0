#pragma once

#include "referral/referral.h"

namespace FrontDoor {

// Who a document is for. Internal: the front door's own record. Family: the parents or carers (NOR-C6, LIN-A4).
// Agency: another agency or the case-management system outside the front door.
enum class Audience { Internal, Family, Agency };

// Whether the referrer may be named to `audience`, decided in this one place from the identity decision
// (NOR-A1, NOR-A2, LIN-A4, LIN-A5, LIN-A6):
//  - internally, always;
//  - to the family, only when the recorded decision is that their identity may be shared — a professional is
//    named too (LIN-A4) unless they asked not to be and the judgement was recorded (LIN-A6); an anonymous caller,
//    one named but not to be told to the family, or an undecided one, never;
//  - to another agency, a professional is named; a member of the community only with their permission recorded
//    (LIN-A5).
bool mayNameReferrer(const Referral &referral, Audience audience);

// A referral as one audience may see it: the only way to build a family- or agency-facing document (their builders
// take this type), so no caller can forget the redaction. When the referrer may not be named, every referrer item
// (name, organisation, role, phone, email, address, relationship, identity notes), the conversations with the
// caller and the feedback given to them are removed, not blanked.
class RedactedReferral
{
public:
    RedactedReferral(const Referral &referral, Audience audience);

    const Referral &referral() const { return m_referral; }
    Audience audience() const { return m_audience; }
    bool namesReferrer() const { return m_namesReferrer; }

private:
    Referral m_referral;
    Audience m_audience;
    bool m_namesReferrer = false;
};

} // namespace FrontDoor
