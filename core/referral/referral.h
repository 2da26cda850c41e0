#pragma once

#include "referral/person.h"
#include "referral/records.h"

#include <QAnyStringView>
#include <QDateTime>
#include <QList>

namespace FrontDoor {

enum class ReferralStatus {
    Draft,     // being taken on the phone; always savable
    Submitted, // the call-handler signed it; changes are amendments with a reason
    Decided,   // the supervisor signed the decision
    Closed,
    Discarded, // a call started by mistake (a wrong key, a dropped line): kept, with its trail, out of every list
};

QString referralStatusName(ReferralStatus status);
bool referralStatusFromName(const QString &name, ReferralStatus *status);

// One referral: what the call-handler and the supervisor recorded. A value type with no I/O; the store persists
// it, the rules check it, the documents present it.
struct Referral
{
    static constexpr int schemaVersion = 1;

    QString reference;       // e.g. NOR-2026-000123
    QString profileId;       // e.g. norfolk-cads
    ReferralStatus status = ReferralStatus::Draft;
    QString handler;         // user id of the call-handler
    QDateTime callStartedAt; // UTC, millisecond precision
    QDateTime callEndedAt;

    AnswerMap answers;       // referral-level items, keyed as in fields.h
    QList<Person> children;  // at least one, born or unborn
    QList<Person> adults;    // household members, PR holders, significant others, alleged perpetrators
    QList<Conversation> conversations;
    QList<SharingDecision> sharingDecisions;
    QList<ChildOutcome> outcomes;
    QList<FeedbackRecord> feedback;
    QList<Disagreement> disagreements; // NOR-R6
    QList<FollowUpAction> actions;

    Answer answer(QAnyStringView key) const { return answers.value(key.toString()); }
    bool answerIs(QAnyStringView key, QAnyStringView option) const { return answer(key).is(option.toString()); }
    void setAnswer(QAnyStringView key, Answer value);

    const Person *child(const QString &id) const;
    const Person *adult(const QString &id) const;
    const ChildOutcome *outcomeFor(const QString &childId) const;

    friend bool operator==(const Referral &, const Referral &) = default;
};

} // namespace FrontDoor
