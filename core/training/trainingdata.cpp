#include "training/trainingdata.h"

#include "access/passwordhasher.h"
#include "referral/fields.h"
#include "rules/evaluator.h"
#include "store/accounts.h"
#include "store/store.h"
#include "training/syntheticreferrals.h"

#include <deque>

namespace FrontDoor::TrainingData {

namespace {

// Fills an empty training database: the people, then the calls one by one with the trainer's decisions behind.
class Filler
{
public:
    Filler(Store &store, FixedClock &clock, const Profile &profile)
        : m_store(store)
        , m_clock(clock)
        , m_profile(profile)
        ,
        // Invented accounts whose password is printed on the screen: the full Argon2 cost would only slow the
        // first start (every practice decision is signed), so they get the least libsodium allows.
        m_accounts(store.database(), clock, PasswordHasher::Cost{1, 8 * 1024 * 1024})
    {}

    // False when the database already has accounts (it was filled before).
    Result<bool> createAccounts();
    Status takeCalls(int referrals);

private:
    Status takeCall(int i, bool stillOnThePhone);
    Status decide(const QString &reference);
    void answerDecisionQuestions(Referral &decided) const;

    Store &m_store;
    FixedClock &m_clock;
    const Profile &m_profile;
    Accounts m_accounts;
    const QString m_password = QString::fromLatin1(trainingPassword);
    Actor m_handler;
    Actor m_supervisor;
    SyntheticReferrals m_synthetic{2026};
    std::deque<QString> m_waiting;
};

Result<bool> Filler::createAccounts()
{
    Result<bool> empty = m_accounts.isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return false;
    Result<Account> admin = m_accounts.createFirstAdministrator(
        QStringLiteral("training-admin"), QStringLiteral("Training Administrator"), m_password);
    if (!admin)
        return admin.error();
    const Actor root{admin->id, Role::Administrator};
    Result<Account> trainee = m_accounts.create(root,
                                                QString::fromLatin1(traineeName),
                                                QStringLiteral("Tamsin Trainee (invented)"),
                                                Role::CallHandler,
                                                m_password);
    if (!trainee)
        return trainee.error();
    Result<Account> trainer = m_accounts.create(root,
                                                QString::fromLatin1(trainerName),
                                                QStringLiteral("Tobias Trainer (invented)"),
                                                Role::Supervisor,
                                                m_password);
    if (!trainer)
        return trainer.error();
    m_handler = Actor{trainee->id, Role::CallHandler};
    m_supervisor = Actor{trainer->id, Role::Supervisor};
    return true;
}

Status Filler::takeCalls(int referrals)
{
    const qint64 step = qint64(28) * 24 * 3600 * 1000 / std::max(1, referrals);
    for (int i = 0; i < referrals; ++i) {
        m_clock.advance(step);
        if (Status taken = takeCall(i, i >= referrals - 3); !taken) // the last few calls are still being taken
            return taken;
    }
    return m_store.referrals().flushAll();
}

Status Filler::takeCall(int i, bool stillOnThePhone)
{
    Result<StoredReferral> draft = m_store.referrals().createDraft(m_profile, m_handler);
    if (!draft)
        return draft.error();
    // The generator answers at random, and a call whose answers break a must could not have been submitted: for a
    // submitted call, invent again until one could.
    const auto blocked = [this](const Referral &r) {
        return !withSeverity(evaluate(r, m_profile, m_clock.now()), Severity::Blocking).isEmpty();
    };
    Referral r = m_synthetic.next(m_profile, m_clock.now());
    for (int attempt = 0; !stillOnThePhone && attempt < 50 && blocked(r); ++attempt)
        r = m_synthetic.next(m_profile, m_clock.now());
    r.reference = draft->referral.reference;
    r.handler = draft->referral.handler;
    r.callStartedAt = draft->referral.callStartedAt;
    r.status = draft->referral.status;
    Result<SaveReceipt> saved = m_store.referrals().save(r, draft->revision, m_handler);
    if (!saved)
        return saved.error();
    if (stillOnThePhone || blocked(r))
        return {};
    m_clock.advance(qint64(4 + i % 17) * 60 * 1000); // a call takes minutes, not none
    Result<SaveReceipt> submitted = m_store.referrals().submit(r.reference, saved->revision, m_handler, m_profile);
    if (!submitted)
        return submitted.error();
    // Most calls are decided by the trainer about half a day later (three calls on), so the queue, the history and
    // the dashboard have decisions; every third waits undecided.
    if (i % 3 != 0)
        m_waiting.push_back(r.reference);
    while (m_waiting.size() > 3) {
        const QString reference = m_waiting.front();
        m_waiting.pop_front();
        if (Status decided = decide(reference); !decided)
            return decided;
    }
    return {};
}

Status Filler::decide(const QString &reference)
{
    const OptionList *outcomes = m_profile.optionList(m_profile.outcomeList);
    Result<StoredReferral> current = m_store.referrals().load(reference);
    if (!current)
        return current.error();
    Referral decided = current->referral;
    for (const Person &child : decided.children) {
        // A different outcome from one child and one case to the next.
        const ChoiceOption &outcome = outcomes->options.at((reference.right(2).toInt() + int(decided.outcomes.size()))
                                                           % int(outcomes->options.size()));
        decided.outcomes.append(ChildOutcome{child.id,
                                             outcome.value,
                                             QStringLiteral("Invented reasons, for practice."),
                                             outcome.value == Option::outcomeNoFurtherAction.toString()
                                                 ? QStringList{QStringLiteral("advice")}
                                                 : QStringList{},
                                             m_supervisor.userId,
                                             m_clock.now()});
    }
    if (reference.right(1).toInt() % 3 != 0) // most referrers have been told the outcome
        decided.feedback.append(FeedbackRecord{QStringLiteral("f-") + reference.right(6),
                                               m_clock.now(),
                                               QStringLiteral("phone"),
                                               QStringLiteral("Invented feedback, for practice."),
                                               m_supervisor.userId});
    answerDecisionQuestions(decided);
    Result<SaveReceipt> recorded = m_store.referrals().recordReview(
        decided, current->revision, m_supervisor, QStringLiteral("decision recorded (training)"), m_profile);
    if (!recorded)
        return recorded.error();
    Result<Signature> signature = m_accounts.sign(m_supervisor, m_password);
    if (!signature)
        return signature.error();
    // A decision-stage must the invented answers break leaves it waiting in the queue, as it would.
    static_cast<void>(m_store.referrals().changeStatus(
        reference, recorded->revision, m_supervisor, ReferralStatus::Decided, m_profile, *signature));
    return {};
}

// The trainer answers the profile's decision-stage questions as they come up (a condition may bring the next one),
// so most decisions can be signed; a YesNo is "no", a choice the first option.
void Filler::answerDecisionQuestions(Referral &decided) const
{
    for (int pass = 0; pass < 3; ++pass)
        for (const Section &section : m_profile.sections) {
            if (section.stage != SectionStage::Decision)
                continue;
            for (const Question &question : section.questions) {
                if (question.repeat != Repeat::None || decided.answer(question.field).isAddressed()
                    || !question.when.holds(decided))
                    continue;
                const OptionList *options = m_profile.optionList(question.options);
                if (question.type == QuestionType::YesNo)
                    decided.setAnswer(question.field, Answer::given(Option::no.toString()));
                else if (options && !options->options.isEmpty())
                    decided.setAnswer(question.field,
                                      question.type == QuestionType::MultipleChoice
                                          ? Answer::givenMany({options->options.first().value})
                                          : Answer::given(options->options.first().value));
                else if (question.type == QuestionType::Text || question.type == QuestionType::LongText)
                    decided.setAnswer(question.field, Answer::given(QStringLiteral("Invented, for practice.")));
            }
        }
}

} // namespace

Result<bool> fill(const QString &path, const Profile &profile, int referrals, const QDateTime &now)
{
    const OptionList *outcomes = profile.optionList(profile.outcomeList);
    if (!outcomes || outcomes->options.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The profile has no outcomes to practise with."));
    // The cases are spread over four weeks: the store's clock is walked forward as they are taken.
    FixedClock clock(now.addDays(-28));
    Store::Options options;
    options.training = true;
    Result<std::unique_ptr<Store>> opened = Store::open(path, clock, options);
    if (!opened)
        return opened.error();
    Filler filler(**opened, clock, profile);
    Result<bool> created = filler.createAccounts();
    if (!created || !*created)
        return created;
    if (Status taken = filler.takeCalls(referrals); !taken)
        return taken.error();
    return true;
}

} // namespace FrontDoor::TrainingData
