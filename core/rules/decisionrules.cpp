// §8 Decisions, timescales and feedback.
#include "common/uktime.h"
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

std::vector<Rule> decisionRules()
{
    return {
        {{QStringLiteral("LIN-T2")},
         QStringLiteral("At the end of the call both sides know who does what next"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!hasValue(c.referral, Field::agreedActions))
                 sink.add(Severity::Blocking, path(Field::agreedActions),
                          QStringLiteral("Before the call ends, agree and record who will do what next — or that "
                                         "nothing further will happen."));
         }},
        {{QStringLiteral("NOR-O1"), QStringLiteral("LIN-O3")},
         QStringLiteral("An outcome for every child, from the procedure's list, with its reasons"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!c.atDecision())
                 return;
             const OptionList *outcomes = c.profile.optionList(c.profile.outcomeList);
             for (const Person &child : c.referral.children) {
                 const ChildOutcome *outcome = c.referral.outcomeFor(child.id);
                 const QString at = itemPath(QLatin1StringView("outcomes"), child.id);
                 if (!outcome) {
                     sink.add(Severity::Blocking, at, QStringLiteral("Record the outcome for this child."));
                     continue;
                 }
                 if (!outcomes || !outcomes->contains(outcome->outcome))
                     sink.add(Severity::Blocking, at + QStringLiteral(".outcome"),
                              QStringLiteral("The outcome is not one of this front door's outcomes."));
                 if (outcome->rationale.trimmed().isEmpty())
                     sink.add(Severity::Blocking, at + QStringLiteral(".rationale"),
                              QStringLiteral("Record the reasons for this child's outcome."));
             }
             for (const ChildOutcome &outcome : c.referral.outcomes) {
                 if (!c.referral.child(outcome.childId))
                     sink.add(Severity::Blocking, itemPath(QLatin1StringView("outcomes"), outcome.childId),
                              QStringLiteral("An outcome refers to a child who is not in this referral."));
             }
         }},
        {{QStringLiteral("ALL-T6")},
         QStringLiteral("No further action: reasons and alternatives; feedback for every outcome"),
         [](const RuleContext &c, FindingSink &sink) {
             for (const ChildOutcome &outcome : c.referral.outcomes) {
                 if (outcome.outcome == Option::outcomeNoFurtherAction && outcome.alternatives.isEmpty())
                     sink.add(Severity::Blocking,
                              itemPath(QLatin1StringView("outcomes"), outcome.childId, u"alternatives"),
                              QStringLiteral("No further action: record the alternative options offered (advice, "
                                             "another agency including Family Group Conference, TAC)."));
             }
             const bool canBeToldBack = Facts::identityDecision(c.referral) != IdentityDecision::Anonymous
                                        && Facts::callerType(c.referral) != CallerType::Anonymous;
             if (c.referral.feedback.isEmpty() && canBeToldBack
                 && (c.referral.status == ReferralStatus::Decided || c.referral.status == ReferralStatus::Closed))
                 sink.add(c.referral.status == ReferralStatus::Closed ? Severity::Blocking : Severity::Outstanding,
                          QStringLiteral("feedback"),
                          QStringLiteral("Give the referrer feedback on the outcome — including when no further "
                                         "action is taken — and record it."));
         }},
        {{QStringLiteral("NOR-O2")},
         QStringLiteral("Harm by a stranger or another child: risk from the alleged perpetrator, parental contribution"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!c.atDecision()
                 || !(Facts::isYes(c.referral, Field::harmByChild) || Facts::isYes(c.referral, Field::perpetratorStranger)))
                 return;
             if (!addressed(c.referral, Field::decisionPerpetratorRisk))
                 sink.add(Severity::Blocking, path(Field::decisionPerpetratorRisk),
                          QStringLiteral("Record whether the alleged perpetrator is likely to pose a risk of "
                                         "significant harm to this or other children."));
             if (!addressed(c.referral, Field::decisionParentContributed))
                 sink.add(Severity::Blocking, path(Field::decisionParentContributed),
                          QStringLiteral("Record whether a parent or carer contributed to the harm by omission or "
                                         "commission."));
         }},
        {{QStringLiteral("ALL-T8")},
         QStringLiteral("Overdue follow-up actions stand out"),
         [](const RuleContext &c, FindingSink &sink) {
             for (const FollowUpAction &action : c.referral.actions) {
                 if (action.status == ActionStatus::Open && action.due.isValid() && action.due < c.now)
                     sink.add(Severity::Advice,
                              itemPath(QLatin1StringView("actions"), action.id),
                              QStringLiteral("Overdue: %1 (%2) was due %3.")
                                  .arg(action.description.isEmpty() ? action.kind : action.description,
                                       action.procedureId,
                                       UkTime::text(action.due, QStringLiteral("d MMM yyyy HH:mm"))));
             }
         }},
    };
}

} // namespace FrontDoor::Rules
