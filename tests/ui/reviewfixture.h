#pragma once

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"

#include <catch2/catch.hpp>

// A submitted invented referral for the review tests: two children, a professional caller feedback can reach.
namespace FrontDoorTest {

inline const QString password = QStringLiteral("kettle on the windowsill");

inline QString submittedWithTwoChildren(StoreFixture &f)
{
    FrontDoor::StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    FrontDoor::Referral r = draft.referral;
    r.children[0].answers.insert(QStringLiteral("name"), FrontDoor::Answer::given(QStringLiteral("Olwen Invented")));
    r.children.append(FrontDoor::Person{QStringLiteral("c2"), {{QStringLiteral("name"), FrontDoor::Answer::given(QStringLiteral("Bryn Invented"))}}});
    r.setAnswer(FrontDoor::Field::referrerType, FrontDoor::Answer::given(QStringLiteral("professional")));
    r.setAnswer(FrontDoor::Field::referrerPhone, FrontDoor::Answer::given(QStringLiteral("+441603000000"))); // feedback can reach them
    const qint64 revision = f->referrals().save(r, draft.revision, handler)->revision;
    REQUIRE(f->referrals().submit(r.reference, revision, handler, norfolk()));
    return r.reference;
}

} // namespace FrontDoorTest
