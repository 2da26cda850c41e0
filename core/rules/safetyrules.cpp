// §2 Immediate safety — asked first, visible always.
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

namespace {

// Danger now, and neither the action taken nor what was done recorded (NOR-S5, LIN-S1).
bool inDangerWithNoActionRecorded(const Referral &referral)
{
    return Facts::isYes(referral, Field::triageImmediateDanger) && !hasValue(referral, Field::triageDangerAction)
           && !hasValue(referral, Field::triageDangerActionDetail);
}

} // namespace

std::vector<Rule> safetyRules()
{
    return {
        {{QStringLiteral("NOR-S5")},
         QStringLiteral("Immediate danger needs the action taken recorded"),
         [](const RuleContext &c, FindingSink &sink) {
             if (inDangerWithNoActionRecorded(c.referral))
                 sink.add(Severity::Blocking, path(Field::triageDangerAction),
                          QStringLiteral("A child is in immediate danger: record the action taken to make them safe "
                                         "now (police, ambulance, the emergency route) and when."));
         }},
        // Lincolnshire's own: danger now, or a deadline coming (the alleged abuser collecting the child this
        // afternoon), is the Immediate Protection Procedure — emergency action first, recorded before submission.
        {{QStringLiteral("LIN-S1")},
         QStringLiteral("Danger now or an approaching deadline: the immediate protection taken is recorded"),
         [](const RuleContext &c, FindingSink &sink) {
             if (inDangerWithNoActionRecorded(c.referral))
                 sink.add(Severity::Blocking, path(Field::triageDangerAction),
                          QStringLiteral("A child is in danger now: emergency action to safeguard them comes first "
                                         "(Immediate Protection Procedure). Record what was done — police, "
                                         "ambulance, EDT — and when."));
             if (Facts::isYes(c.referral, Field::triageApproachingDeadline)
                 && !hasValue(c.referral, Field::triageDeadlineAction))
                 sink.add(Severity::Blocking, path(Field::triageDeadlineAction),
                          QStringLiteral("The child needs protection before a deadline (e.g. collected by the "
                                         "alleged abuser this afternoon): emergency action first (Immediate "
                                         "Protection Procedure). Record the action taken."));
         }},
        {{QStringLiteral("NOR-S2")},
         QStringLiteral("Immediate danger: other children must be considered"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::triageImmediateDanger)
                 && !addressed(c.referral, Field::triageOtherChildren))
                 sink.add(Severity::Blocking, path(Field::triageOtherChildren),
                          QStringLiteral("No child may be left in immediate danger: record whether other children — "
                                         "in the household, related households, the alleged perpetrator's household "
                                         "or elsewhere (e.g. a school) — are at risk."));
         }},
        {{QStringLiteral("NOR-S1")},
         QStringLiteral("Medical attention needed: record what was done and inform the paediatrician"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!Facts::isYes(c.referral, Field::triageMedicalAttention))
                 return;
             if (!hasValue(c.referral, Field::triageMedicalAction))
                 sink.add(Severity::Blocking, path(Field::triageMedicalAction),
                          QStringLiteral("The child needs medical attention: record what was done (ambulance, A&E) "
                                         "and when."));
             if (!addressed(c.referral, Field::triagePaediatricianInformed))
                 sink.add(Severity::Outstanding, path(Field::triagePaediatricianInformed),
                          QStringLiteral("Record whether the duty Consultant Paediatrician has been informed."));
         }},
        {{QStringLiteral("NOR-S3")},
         QStringLiteral("A child in hospital must not be discharged before a decision"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::triageHospitalInpatient)
                 && !Facts::isYes(c.referral, Field::triageDischargeHeld))
                 sink.add(Severity::Blocking, path(Field::triageDischargeHeld),
                          QStringLiteral("A child in hospital with suspected abuse must not be discharged until a "
                                         "decision on immediate protection is made: record that the hospital has "
                                         "been asked to keep the child."));
         }},
        {{QStringLiteral("NOR-S4")},
         QStringLiteral("An approaching deadline needs the protective action recorded"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::triageApproachingDeadline)
                 && !hasValue(c.referral, Field::triageDeadlineAction))
                 sink.add(Severity::Blocking, path(Field::triageDeadlineAction),
                          QStringLiteral("The child needs protection before a deadline (e.g. about to be collected "
                                         "by the alleged abuser): record the action taken."));
         }},
    };
}

} // namespace FrontDoor::Rules
