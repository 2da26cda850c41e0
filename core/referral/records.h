#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace FrontDoor {

// The structured records a referral accumulates besides its answers. Plain values: no I/O, no behaviour.

// NOR-L1, NOR-D1: every conversation — when, the setting, who was present, what each party said, actions taken.
struct Conversation
{
    QString id;
    QDateTime at;           // UTC
    QString with;           // option value: caller, child, parentCarer, police, health, manager, otherAgency …
    QString setting;        // e.g. "telephone", "CADS office"
    QString present;        // who was present
    QString summary;        // what was said, by all parties
    QString actions;        // actions taken
    QString recordedBy;     // user id
    friend bool operator==(const Conversation &, const Conversation &) = default;
};

// LIN-I1: a decision to share, or not to share, information — with its reasons and who made or advised it.
struct SharingDecision
{
    QString id;
    QDateTime at;
    bool share = true;
    QString information;    // what
    QString recipient;      // with whom
    QString reasons;
    QString decidedBy;      // name and role of who made it
    QString advisedBy;      // named/designated professional or senior manager who advised, if any
    friend bool operator==(const SharingDecision &, const SharingDecision &) = default;
};

// NOR-O1 / LIN-O3: the outcome for one child, with the reasons (and for "no further action" the alternatives
// offered, ALL-T6).
struct ChildOutcome
{
    QString childId;
    QString outcome;        // option value from the profile's outcome list
    QString rationale;
    QStringList alternatives;
    QString decidedBy;
    QDateTime decidedAt;
    friend bool operator==(const ChildOutcome &, const ChildOutcome &) = default;
};

// LIN-T5, ALL-T6: feedback given to the referrer.
struct FeedbackRecord
{
    QString id;
    QDateTime at;
    QString method;         // phone, letter, email, TAC reply slip …
    QString summary;
    QString givenBy;
    friend bool operator==(const FeedbackRecord &, const FeedbackRecord &) = default;
};

// NOR-R6: the referring agency disagrees with the decision — its own record: who disagreed and about what, with
// whom it was discussed, where it was escalated (Resolving Professional Disagreements), and how it ended.
struct Disagreement
{
    QString id;
    QDateTime at;
    QString agency;         // who disagrees
    QString about;          // what they disagree with, in their words
    QString discussedWith;  // e.g. the social worker's line manager
    QString escalatedTo;    // empty while it has not been escalated
    QString outcome;        // how it was resolved, or that it is still open
    QString recordedBy;
    friend bool operator==(const Disagreement &, const Disagreement &) = default;
};

enum class ActionStatus { Open, Done, Cancelled };

// A follow-up task with a due time (decision, acknowledgement, feedback, written confirmation, inform parent …).
struct FollowUpAction
{
    QString id;
    QString kind;           // a timescale key of the profile, e.g. "decision", "informParent"
    QString procedureId;    // the paragraph that demands it, e.g. "NOR-C6"
    QString description;
    QDateTime due;          // UTC; invalid when the timescale could not be computed
    ActionStatus status = ActionStatus::Open;
    QString note;
    QDateTime completedAt;
    QString completedBy;
    friend bool operator==(const FollowUpAction &, const FollowUpAction &) = default;
};

QString actionStatusName(ActionStatus status);
bool actionStatusFromName(const QString &name, ActionStatus *status);

} // namespace FrontDoor
