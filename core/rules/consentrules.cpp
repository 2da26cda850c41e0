// §4 Parental consent decision.
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

std::vector<Rule> consentRules()
{
    return {
        {{QStringLiteral("ALL-C1")},
         QStringLiteral("\"Not applicable\" needs its reason"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) == ConsentDecision::NotApplicable
                 && !hasValue(c.referral, Field::consentNotApplicableReason))
                 sink.add(Severity::Blocking, path(Field::consentNotApplicableReason),
                          QStringLiteral("Parental consent is recorded as not applicable: give the reason."));
         }},
        {{QStringLiteral("NOR-C2")},
         QStringLiteral("Agreement is recorded at the time of the call"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) == ConsentDecision::Agreed
                 && !addressed(c.referral, Field::consentAgreedBy))
                 sink.add(Severity::Outstanding, path(Field::consentAgreedBy),
                          QStringLiteral("The parent agreed: record who agreed, and when."));
         }},
        {{QStringLiteral("LIN-C3"), QStringLiteral("NOR-C4")},
         QStringLiteral("Consent not sought needs the reasons"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) == ConsentDecision::NotSought
                 && !hasValue(c.referral, Field::consentFactors) && !hasValue(c.referral, Field::consentOtherReason))
                 sink.add(Severity::Blocking, path(Field::consentFactors),
                          QStringLiteral("Consent was not sought: record the reasons — the procedure's factors, or "
                                         "another reason in words."));
         }},
        {{QStringLiteral("NOR-C4")},
         QStringLiteral("A professional's decision not to seek consent needs their manager's approval"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) != ConsentDecision::NotSought
                 || Facts::callerType(c.referral) != CallerType::Professional)
                 return;
             if (!hasValue(c.referral, Field::consentManagerName))
                 sink.add(Severity::Blocking, path(Field::consentManagerName),
                          QStringLiteral("A professional's decision not to seek parental permission must be "
                                         "approved by their manager: record the manager's name."));
             if (!hasValue(c.referral, Field::consentManagerApprovedAt))
                 sink.add(Severity::Blocking, path(Field::consentManagerApprovedAt),
                          QStringLiteral("Record when the manager approved not seeking parental permission."));
         }},
        {{QStringLiteral("NOR-C5")},
         QStringLiteral("A refusal needs a manager's or designated person's advice, recorded"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) == ConsentDecision::Refused
                 && Facts::callerType(c.referral) == CallerType::Professional
                 && !hasValue(c.referral, Field::consentConsultationOutcome)
                 && !Facts::isYes(c.referral, Field::consentUndueDelay))
                 sink.add(Severity::Blocking, path(Field::consentConsultationOutcome),
                          QStringLiteral("The parent refused: record the outcome of the consultation with a manager "
                                         "or Designated Senior Person / Named Professional — or that consulting "
                                         "would have caused undue delay."));
         }},
        {{QStringLiteral("NOR-C6")},
         QStringLiteral("Proceeding despite refusal needs the reason"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::consentDecision(c.referral) == ConsentDecision::Refused
                 && !hasValue(c.referral, Field::consentProceedingReason))
                 sink.add(Severity::Blocking, path(Field::consentProceedingReason),
                          QStringLiteral("The parent withheld permission: record why the referral goes ahead "
                                         "without their agreement."));
         }},
        {{QStringLiteral("NOR-C7")},
         QStringLiteral("A family-support referral needs the agreement of the person with Parental Responsibility"),
         [](const RuleContext &c, FindingSink &sink) {
             if (c.referral.answerIs(Field::concernThreshold, Option::thresholdFamilySupport)
                 && Facts::consentDecision(c.referral) != ConsentDecision::Agreed)
                 sink.add(Severity::Blocking, path(Field::consentDecision),
                          QStringLiteral("A referral for family support (not significant harm) needs the agreement "
                                         "of the person with Parental Responsibility. Record their agreement, or "
                                         "reconsider whether the concern is of significant harm."));
         }},
        {{QStringLiteral("NOR-C9")},
         QStringLiteral("Pre-birth: consent is obtained unless that puts the unborn child at risk"),
         [](const RuleContext &c, FindingSink &sink) {
             const ConsentDecision decision = Facts::consentDecision(c.referral);
             if (Facts::anyChildUnborn(c.referral) && decision != ConsentDecision::Agreed
                 && decision != ConsentDecision::Unknown)
                 sink.add(Severity::Advice, path(Field::consentDecision),
                          QStringLiteral("Pre-birth: concerns should be shared with the prospective parents and "
                                         "consent obtained, unless that may put the unborn child at risk (e.g. the "
                                         "parents may move to avoid professionals). Make sure the reason is "
                                         "recorded."));
         }},
    };
}

} // namespace FrontDoor::Rules
