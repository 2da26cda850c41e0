#pragma once

#include "profile/profile.h"
#include "referral/referral.h"

namespace FrontDoor {

// Where a question's answer lives: at referral level, or on one child's or adult's card. Also the path the rules
// use for it ("consent.managerName", "children[c1].dateOfBirth"), so a finding can be jumped to.
struct AnswerTarget
{
    QString field;
    Repeat repeat = Repeat::None;
    QString personId;

    QString path() const;
    Answer read(const Referral &referral) const;
    void write(Referral &referral, const Answer &answer) const;
    const Person *person(const Referral &referral) const;
};

} // namespace FrontDoor
