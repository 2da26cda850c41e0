// §9 Special referral kinds, and the special kinds of §1 (harm by another child, open cases, allegations
// against people who work with children).
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

std::vector<Rule> specialKindRules()
{
    return {
        {{QStringLiteral("NOR-B1")},
         QStringLiteral("Cross-boundary: passed to the authority where the child is; home authority consulted"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!Facts::isYes(c.referral, Field::crossBoundary))
                 return;
             if (!hasValue(c.referral, Field::crossBoundaryAuthority))
                 sink.add(Severity::Blocking, path(Field::crossBoundaryAuthority),
                          QStringLiteral("The child is in another authority's area: record which authority."));
             if (!Facts::isYes(c.referral, Field::crossBoundaryPassedOn))
                 sink.add(Severity::Blocking, path(Field::crossBoundaryPassedOn),
                          QStringLiteral("The authority where the child is has prime responsibility: pass the "
                                         "referral to them immediately and record that it was passed on."));
             if (!addressed(c.referral, Field::crossBoundaryHomeConsulted))
                 sink.add(c.decisionMust(), path(Field::crossBoundaryHomeConsulted),
                          QStringLiteral("Record the consultation with the child's home authority and who is best "
                                         "placed to make enquiries."));
             if (!addressed(c.referral, Field::crossBoundaryProtectionPlan))
                 sink.add(c.decisionMust(), path(Field::crossBoundaryProtectionPlan),
                          QStringLiteral("Check and record whether the child has a Child Protection Plan."));
             else if (Facts::isYes(c.referral, Field::crossBoundaryProtectionPlan)
                      && !Facts::isYes(c.referral, Field::crossBoundaryLeadWorkerConsulted))
                 sink.add(c.decisionMust(), path(Field::crossBoundaryLeadWorkerConsulted),
                          QStringLiteral("The child has a Child Protection Plan: consult the responsible Lead Social "
                                         "Worker and record it."));
             if (c.atDecision() && !Facts::isYes(c.referral, Field::crossBoundaryConfirmedInWriting))
                 sink.add(Severity::Blocking, path(Field::crossBoundaryConfirmedInWriting),
                          QStringLiteral("All cross-boundary enquiries are confirmed in writing: record that they "
                                         "were."));
         }},
        {{QStringLiteral("NOR-B2")},
         QStringLiteral("Pre-birth: expected date of delivery, the criteria that apply, the impact on the baby"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!Facts::anyChildUnborn(c.referral))
                 return;
             for (const Person &child : c.referral.children) {
                 if (!Facts::isUnborn(child))
                     continue;
                 const Answer edd = child.answer(Field::childExpectedDelivery);
                 const QDate due = QDate::fromString(edd.value(), Qt::ISODate);
                 if (edd.hasValue() && due.isValid() && c.now.isValid() && due < c.now.date().addDays(-31))
                     sink.add(Severity::Blocking,
                              itemPath(QLatin1StringView("children"), child.id, Field::childExpectedDelivery),
                              QStringLiteral("The expected date of delivery is more than a month ago: if the baby has "
                                             "been born, record them as a child with a date of birth."));
             }
             if (!hasValue(c.referral, Field::preBirthCriteria))
                 sink.add(Severity::Outstanding, path(Field::preBirthCriteria),
                          QStringLiteral("Pre-birth: record which of the procedure's criteria apply."));
             if (!hasValue(c.referral, Field::preBirthImpact))
                 sink.add(Severity::Outstanding, path(Field::preBirthImpact),
                          QStringLiteral("Pre-birth: the referrer must make clear how the parenting concern is "
                                         "likely to affect the baby and what risks are predicted."));
         }},
        {{QStringLiteral("NOR-R4")},
         QStringLiteral("Harm caused by another child: both children are referred"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!Facts::isYes(c.referral, Field::harmByChild))
                 return;
             if (!hasValue(c.referral, Field::otherChildReferral)) {
                 sink.add(Severity::Blocking, path(Field::otherChildReferral),
                          QStringLiteral("Harm by another child: both children must be referred. Open a linked "
                                         "referral for the other child and record its reference."));
                 return;
             }
             // A linked referral, not a note: a reference of this front door, or another authority's with its name.
             if (!isOwnReference(c.referral.answer(Field::otherChildReferral).value(), c.profile)
                 && !hasValue(c.referral, Field::otherChildAuthority))
                 sink.add(Severity::Blocking, path(Field::otherChildAuthority),
                          QStringLiteral("The other child's referral is not a reference of %1 (%2-YYYY-NNNNNN): "
                                         "record which authority's reference it is.")
                              .arg(c.profile.shortName, c.profile.referencePrefix));
         }},
        {{QStringLiteral("NOR-R5"), QStringLiteral("LIN-L1")},
         QStringLiteral("An allegation against someone who works with children follows its own route"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::allegationAgainstWorker))
                 sink.add(Severity::Advice, path(Field::allegationAgainstWorker),
                          QStringLiteral("The allegation is about someone who cares for or works with children: "
                                         "follow the \"Allegations against Persons who Work with Children\" route "
                                         "as well."));
         }},
        {{QStringLiteral("NOR-R2"), QStringLiteral("LIN-R4")},
         QStringLiteral("Open case: the allocated worker is contacted"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::openCase) && !addressed(c.referral, Field::allocatedWorkerContact))
                 sink.add(Severity::Outstanding, path(Field::allocatedWorkerContact),
                          QStringLiteral("The case is open: record how the allocated worker or team was contacted "
                                         "(or who the information was passed to in their absence)."));
         }},
    };
}

} // namespace FrontDoor::Rules
