// §5 Referrer identity, anonymity and confidentiality.
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

std::vector<Rule> identityRules()
{
    return {
        {{QStringLiteral("NOR-A2"), QStringLiteral("LIN-A4")},
         QStringLiteral("A professional can never be anonymous"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::callerType(c.referral) == CallerType::Professional
                 && Facts::identityDecision(c.referral) == IdentityDecision::Anonymous)
                 sink.add(Severity::Blocking, path(Field::identityDecision),
                          QStringLiteral("Referrals made by professionals can never be anonymous. Record the "
                                         "professional's name and organisation."));
         }},
        {{QStringLiteral("NOR-A2"), QStringLiteral("LIN-A4")},
         QStringLiteral("A professional's name and organisation are recorded: not known or declined is anonymity too"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::callerType(c.referral) != CallerType::Professional)
                 return;
             for (const Field::Key field : {Field::referrerName, Field::referrerOrganisation}) {
                 const AnswerState state = c.referral.answer(field).state();
                 if (state == AnswerState::NotKnown || state == AnswerState::Declined)
                     sink.add(Severity::Blocking, path(field),
                              QStringLiteral("A professional is never anonymous: their %1 cannot be \"%2\". Record "
                                             "it, or record the caller as a member of the public.")
                                  .arg(field == Field::referrerName ? QStringLiteral("name")
                                                                    : QStringLiteral("organisation"),
                                       state == AnswerState::NotKnown ? QStringLiteral("not known")
                                                                      : QStringLiteral("declined")));
             }
         }},
        {{QStringLiteral("NOR-A2")},
         QStringLiteral("Only a member of the public may ask not to be named to the family (Norfolk)"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::callerType(c.referral) == CallerType::Professional
                 && Facts::identityDecision(c.referral) == IdentityDecision::NotToFamily)
                 sink.add(Severity::Blocking, path(Field::identityDecision),
                          QStringLiteral("A professional's referral cannot be kept from the family: only members of "
                                         "the public may ask not to be named (NOR-A1)."));
         }},
        {{QStringLiteral("LIN-A6")},
         QStringLiteral("A professional's source withheld from the family needs the good-faith judgement recorded"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::callerType(c.referral) == CallerType::Professional
                 && Facts::identityDecision(c.referral) == IdentityDecision::NotToFamily
                 && !hasValue(c.referral, Field::identityGoodFaithJudgement))
                 sink.add(Severity::Blocking, path(Field::identityGoodFaithJudgement),
                          QStringLiteral("Professional referrals are normally disclosed to the family. If the "
                                         "professional is passing on third-party information in good faith and the "
                                         "source should not be revealed, record that judgement and why."));
         }},
        {{QStringLiteral("NOR-A1")},
         QStringLiteral("An anonymous caller's identity cannot be recorded as shareable"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::callerType(c.referral) == CallerType::Anonymous
                 && Facts::identityDecision(c.referral) == IdentityDecision::MayBeShared)
                 sink.add(Severity::Blocking, path(Field::identityDecision),
                          QStringLiteral("The caller gave no name: record the identity decision as anonymous."));
         }},
        {{QStringLiteral("NOR-A3")},
         QStringLiteral("Anonymity requested: record that no guarantee of confidentiality was given"),
         [](const RuleContext &c, FindingSink &sink) {
             // A professional cannot be anonymous at all (NOR-A2 blocks); the script is for the public.
             if (Facts::anonymityRequested(c.referral) && Facts::callerType(c.referral) != CallerType::Professional
                 && !Facts::isYes(c.referral, Field::identityConfidentialityExplained))
                 sink.add(Severity::Blocking, path(Field::identityConfidentialityExplained),
                          QStringLiteral("The caller asked not to be named. Explain: \"We will respect your wish, "
                                         "but we cannot promise confidentiality — a court may require it\", and "
                                         "record that it was explained."));
         }},
    };
}

} // namespace FrontDoor::Rules
