#include "trainingdata.h"

#include "access/accounts.h"
#include "access/passwordhasher.h"
#include "referral/fields.h"
#include "referral/syntheticreferrals.h"
#include "rules/evaluator.h"
#include "store/store.h"

#include <deque>

namespace FrontDoor::TrainingData {

Result<bool> fill(const QString &path, const Profile &profile, int referrals, const QDateTime &now)
{
    // The cases are spread over four weeks: the store's clock is walked forward as they are taken.
    FixedClock clock(now.addDays(-28));
    Store::Options options;
    options.training = true;
    Result<std::unique_ptr<Store>> opened = Store::open(path, clock, options);
    if (!opened)
        return opened.error();
    Store &store = **opened;
    // Invented accounts whose password is printed on the screen: the full Argon2 cost would only slow the first
    // start (every practice decision is signed), so they get the least libsodium allows.
    Accounts accounts(store.database(), clock, PasswordHasher::Cost{1, 8 * 1024 * 1024});
    Result<bool> empty = accounts.isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return false;

    const QString password = QString::fromLatin1(trainingPassword);
    Result<Account> admin = accounts.createFirstAdministrator(QStringLiteral("training-admin"),
                                                              QStringLiteral("Training Administrator"), password);
    if (!admin)
        return admin.error();
    const Actor root{admin->id, Role::Administrator};
    Result<Account> trainee = accounts.create(root, QString::fromLatin1(traineeName),
                                              QStringLiteral("Tamsin Trainee (invented)"), Role::CallHandler, password);
    if (!trainee)
        return trainee.error();
    Result<Account> trainer = accounts.create(root, QString::fromLatin1(trainerName),
                                              QStringLiteral("Tobias Trainer (invented)"), Role::Supervisor, password);
    if (!trainer)
        return trainer.error();
    const Actor handler{trainee->id, Role::CallHandler};
    const Actor supervisor{trainer->id, Role::Supervisor};
    const OptionList *outcomes = profile.optionList(profile.outcomeList);
    if (!outcomes || outcomes->options.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The profile has no outcomes to practise with."));

    std::deque<QString> waiting;
    const auto decide = [&](const QString &reference) -> Status {
        Result<StoredReferral> current = store.referrals().load(reference);
        if (!current)
            return current.error();
        Referral decided = current->referral;
        for (const Person &child : decided.children) {
            // A different outcome from one child and one case to the next.
            const ChoiceOption &outcome = outcomes->options.at(
                (reference.right(2).toInt() + int(decided.outcomes.size())) % int(outcomes->options.size()));
            decided.outcomes.append(ChildOutcome{child.id, outcome.value, QStringLiteral("Invented reasons, for practice."),
                                                 outcome.value == Option::outcomeNoFurtherAction.toString()
                                                     ? QStringList{QStringLiteral("advice")}
                                                     : QStringList{},
                                                 supervisor.userId, clock.now()});
        }
        if (reference.right(1).toInt() % 3 != 0) // most referrers have been told the outcome
            decided.feedback.append(FeedbackRecord{QStringLiteral("f-") + reference.right(6), clock.now(),
                                                   QStringLiteral("phone"),
                                                   QStringLiteral("Invented feedback, for practice."), supervisor.userId});
        // The trainer answers the profile's decision-stage questions as they come up (a condition may bring the
        // next one), so most decisions can be signed; a YesNo is "no", a choice the first option.
        for (int pass = 0; pass < 3; ++pass)
            for (const Section &section : profile.sections) {
                if (section.stage != SectionStage::Decision)
                    continue;
                for (const Question &question : section.questions) {
                    if (question.repeat != Repeat::None || decided.answer(question.field).isAddressed()
                        || !question.when.holds(decided))
                        continue;
                    const OptionList *options = profile.optionList(question.options);
                    if (question.type == QuestionType::YesNo)
                        decided.setAnswer(question.field, Answer::given(Option::no.toString()));
                    else if (options && !options->options.isEmpty())
                        decided.setAnswer(question.field, question.type == QuestionType::MultipleChoice
                                                              ? Answer::givenMany({options->options.first().value})
                                                              : Answer::given(options->options.first().value));
                    else if (question.type == QuestionType::Text || question.type == QuestionType::LongText)
                        decided.setAnswer(question.field, Answer::given(QStringLiteral("Invented, for practice.")));
                }
            }
        Result<SaveReceipt> recorded = store.referrals().recordReview(
            decided, current->revision, supervisor, QStringLiteral("decision recorded (training)"), profile);
        if (!recorded)
            return recorded.error();
        Result<Signature> signature = accounts.sign(supervisor, password);
        if (!signature)
            return signature.error();
        // A decision-stage must the invented answers break leaves it waiting in the queue, as it would.
        static_cast<void>(store.referrals().changeStatus(reference, recorded->revision, supervisor,
                                                         ReferralStatus::Decided, profile, *signature));
        return {};
    };
    SyntheticReferrals synthetic(2026);
    const qint64 step = qint64(28) * 24 * 3600 * 1000 / std::max(1, referrals);
    for (int i = 0; i < referrals; ++i) {
        clock.advance(step);
        Result<StoredReferral> draft = store.referrals().createDraft(profile, handler);
        if (!draft)
            return draft.error();
        // The last few calls are still being taken. The generator answers at random, and a call whose answers break
        // a must could not have been submitted: for a submitted call, invent again until one could.
        const bool stillOnThePhone = i >= referrals - 3;
        Referral r = synthetic.next(profile, clock.now());
        for (int attempt = 0; !stillOnThePhone && attempt < 50
                              && !withSeverity(evaluate(r, profile, clock.now()), Severity::Blocking).isEmpty();
             ++attempt)
            r = synthetic.next(profile, clock.now());
        r.reference = draft->referral.reference;
        r.handler = draft->referral.handler;
        r.callStartedAt = draft->referral.callStartedAt;
        r.status = draft->referral.status;
        Result<SaveReceipt> saved = store.referrals().save(r, draft->revision, handler);
        if (!saved)
            return saved.error();
        if (stillOnThePhone || !withSeverity(evaluate(r, profile, clock.now()), Severity::Blocking).isEmpty())
            continue;
        clock.advance(qint64(4 + i % 17) * 60 * 1000); // a call takes minutes, not none
        Result<SaveReceipt> submitted = store.referrals().submit(r.reference, saved->revision, handler, profile);
        if (!submitted)
            return submitted.error();
        // Most calls are decided by the trainer about half a day later (three calls on), so the queue, the
        // history and the dashboard have decisions; every third waits undecided.
        if (i % 3 != 0)
            waiting.push_back(r.reference);
        while (waiting.size() > 3) {
            const QString reference = waiting.front();
            waiting.pop_front();
            if (Status decided = decide(reference); !decided)
                return decided.error();
        }
    }
    if (Status flushed = store.referrals().flushAll(); !flushed)
        return flushed.error();
    return true;
}

} // namespace FrontDoor::TrainingData
