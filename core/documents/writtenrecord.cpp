#include "writtenrecord.h"

#include "common/uktime.h"

#include "referral/fields.h"

#include <QTimeZone>

namespace FrontDoor {

namespace {

QString ukTime(const QDateTime &time)
{
    return time.isValid() ? UkTime::text(time, QStringLiteral("d MMM yyyy HH:mm")) : QStringLiteral("—");
}

QString line(const QString &label, const QString &value)
{
    // "Is the child safe?: No" reads badly: a question keeps its own mark.
    return (label.endsWith(u'?') ? QStringLiteral("%1 %2") : QStringLiteral("%1: %2")).arg(label, value);
}

} // namespace

QString answerInWords(const Answer &answer, const Question &question, const Profile &profile)
{
    switch (answer.state()) {
    case AnswerState::NotKnown: return QStringLiteral("Not known");
    case AnswerState::Declined: return QStringLiteral("Declined");
    case AnswerState::NotAsked: return QStringLiteral("Not asked — %1").arg(answer.reason());
    case AnswerState::Unanswered: return QStringLiteral("—");
    default: break;
    }
    const OptionList *options = profile.optionList(question.options);
    QStringList values = answer.values();
    if (values.isEmpty() && answer.hasValue())
        values << answer.value();
    for (QString &value : values) {
        if (const ChoiceOption *option = options ? options->find(value) : nullptr)
            value = option->label;
        else if (question.type == QuestionType::YesNo)
            value = value == Option::yes ? QStringLiteral("Yes") : QStringLiteral("No");
    }
    return values.join(QStringLiteral("; "));
}

namespace {

// Every question of every section with what was recorded, the people's cards under their own headings; a question
// no longer asked (the caller type changed, say) keeps what was recorded, marked so.
void appendAnswers(QStringList &p, const Referral &referral, const Profile &profile)
{
    for (const Section &section : profile.sections) {
        p << QStringLiteral("## %1").arg(section.title);
        for (const Question &question : section.questions) {
            const Answer answer = referral.answer(question.field);
            const bool asked = question.when.holds(referral);
            // A question no longer asked (the caller type changed, say) keeps what was recorded, marked so.
            if (question.repeat != Repeat::None || (!asked && !answer.isAddressed()))
                continue;
            p << line(question.label, answerInWords(answer, question, profile)
                                          + (asked ? QString() : QStringLiteral(" (recorded; no longer asked)")));
        }
        for (const auto &[people, repeat, kind] :
             {std::tuple{&referral.children, Repeat::PerChild, QStringLiteral("Child")},
              std::tuple{&referral.adults, Repeat::PerAdult, QStringLiteral("Adult")}}) {
            for (const Person &person : *people) {
                bool heading = false;
                for (const Question &question : section.questions) {
                    const bool asked = question.when.holds(referral, &person);
                    if (question.repeat != repeat || (!asked && !person.answer(question.field).isAddressed()))
                        continue;
                    if (!heading) {
                        p << QStringLiteral("### %1 %2").arg(kind, person.id.mid(1));
                        heading = true;
                    }
                    p << line(question.label, answerInWords(person.answer(question.field), question, profile)
                                                  + (asked ? QString() : QStringLiteral(" (recorded; no longer asked)")));
                }
            }
        }
    }
}

// The supervisor's records: outcomes, discussions, sharing decisions, feedback, disagreements, follow-up actions.
void appendReviewRecords(QStringList &p, const Referral &referral, const Profile &profile)
{
    p << QStringLiteral("## Decisions, discussions and feedback");
    const OptionList *outcomes = profile.optionList(profile.outcomeList);
    for (const ChildOutcome &outcome : referral.outcomes) {
        const ChoiceOption *option = outcomes ? outcomes->find(outcome.outcome) : nullptr;
        p << QStringLiteral("Outcome for child %1: %2 — %3%4 (decided by %5, %6)")
                 .arg(outcome.childId.mid(1), option ? option->label : outcome.outcome, outcome.rationale,
                      outcome.alternatives.isEmpty()
                          ? QString()
                          : QStringLiteral("; alternatives offered: %1").arg(outcome.alternatives.join(QStringLiteral(", "))),
                      outcome.decidedBy, ukTime(outcome.decidedAt));
    }
    for (const Conversation &c : referral.conversations)
        p << QStringLiteral("Discussion %1 with %2 (%3; present: %4): %5. Actions: %6. Recorded by %7.")
                 .arg(ukTime(c.at), c.with, c.setting, c.present, c.summary, c.actions, c.recordedBy);
    for (const SharingDecision &s : referral.sharingDecisions)
        p << QStringLiteral("%1 %2 with %3 — %4 (decided by %5%6, %7)")
                 .arg(s.share ? QStringLiteral("Share") : QStringLiteral("Do not share"), s.information, s.recipient,
                      s.reasons, s.decidedBy, s.advisedBy.isEmpty() ? QString() : QStringLiteral(", advised by ") + s.advisedBy,
                      ukTime(s.at));
    for (const FeedbackRecord &f : referral.feedback)
        p << QStringLiteral("Feedback to the referrer %1 by %2: %3 (%4)").arg(ukTime(f.at), f.method, f.summary, f.givenBy);
    for (const Disagreement &d : referral.disagreements)
        p << QStringLiteral("Disagreement %1 from %2: %3; discussed with %4; escalated to %5; outcome: %6")
                 .arg(ukTime(d.at), d.agency, d.about, d.discussedWith, d.escalatedTo.isEmpty() ? QStringLiteral("—") : d.escalatedTo,
                      d.outcome.isEmpty() ? QStringLiteral("not yet recorded") : d.outcome);
    for (const FollowUpAction &a : referral.actions)
        p << QStringLiteral("Action %1 (%2): due %3 — %4%5")
                 .arg(a.description, a.procedureId, ukTime(a.due), actionStatusName(a.status),
                      a.note.isEmpty() ? QString() : QStringLiteral(" — ") + a.note);
}

} // namespace

Document writtenRecord(const Referral &referral,
                       const Profile &profile,
                       const Findings &outstanding,
                       const QList<AuditEvent> &signatures)
{
    Document record;
    record.title = QStringLiteral("Referral %1 — written record").arg(referral.reference);
    record.fileNameStem = QStringLiteral("written-record-%1").arg(referral.reference);
    record.metadata = {{QStringLiteral("title"), record.title},
                       {QStringLiteral("author"), profile.authority},
                       {QStringLiteral("subject"), QStringLiteral("Internal: contains the referrer's identity")}};
    QStringList &p = record.paragraphs;
    p << QStringLiteral("INTERNAL — %1. This record may name a referrer who asked not to be named to the family: "
                        "never send it to the family or another agency.")
             .arg(profile.serviceName);
    p << line(QStringLiteral("Reference"), referral.reference)
      << line(QStringLiteral("Status"), referralStatusName(referral.status))
      << line(QStringLiteral("Call"),
              QStringLiteral("%1 to %2").arg(ukTime(referral.callStartedAt), ukTime(referral.callEndedAt)))
      << line(QStringLiteral("Taken by"), referral.handler);

    appendAnswers(p, referral, profile);

    p << QStringLiteral("## Still outstanding when the record was made");
    for (const Finding &finding : outstanding)
        p << QStringLiteral("%1 (%2)").arg(finding.message, finding.ruleId);
    if (outstanding.isEmpty())
        p << QStringLiteral("Nothing.");

    appendReviewRecords(p, referral, profile);

    p << QStringLiteral("## Signatures (NOR-D2)");
    for (const AuditEvent &event : signatures)
        p << QStringLiteral("Signed the %1: %2, %3 (audit event %4, hash %5)")
                 .arg(event.payload.value(QStringLiteral("what")).toString(), event.user, ukTime(event.at))
                 .arg(event.sequence)
                 .arg(event.hash.left(16));
    if (signatures.isEmpty())
        p << QStringLiteral("Not yet signed.");
    return record;
}

} // namespace FrontDoor
