// §6 Information sharing, crime and police; §7 the record of conversations.
#include "rules/rulehelpers.h"

namespace FrontDoor::Rules {

using namespace RuleHelpers;

namespace {
bool policeDiscussed(const Referral &referral)
{
    if (Facts::isYes(referral, Field::policeConsulted))
        return true;
    for (const Conversation &conversation : referral.conversations) {
        if (conversation.with == QLatin1String("police"))
            return true;
    }
    return false;
}
} // namespace

std::vector<Rule> policeRules()
{
    return {
        {{QStringLiteral("LIN-I1")},
         QStringLiteral("Every information-sharing decision has its reasons and who made it"),
         [](const RuleContext &c, FindingSink &sink) {
             for (const SharingDecision &decision : c.referral.sharingDecisions) {
                 if (decision.reasons.trimmed().isEmpty())
                     sink.add(Severity::Blocking, itemPath(QLatin1StringView("sharingDecisions"), decision.id, u"reasons"),
                              QStringLiteral("A decision %1 information needs its reasons recorded.")
                                  .arg(decision.share ? QStringLiteral("to share") : QStringLiteral("not to share")));
                 if (decision.decidedBy.trimmed().isEmpty() && decision.advisedBy.trimmed().isEmpty())
                     sink.add(Severity::Blocking,
                              itemPath(QLatin1StringView("sharingDecisions"), decision.id, u"decidedBy"),
                              QStringLiteral("Record who made or advised the information-sharing decision (a named "
                                             "or designated professional, or a senior manager)."));
             }
         }},
        {{QStringLiteral("LIN-P1")},
         QStringLiteral("A possible crime: police consultation, its outcome and whether it was a Strategy Discussion"),
         [](const RuleContext &c, FindingSink &sink) {
             if (!Facts::isYes(c.referral, Field::policeCrimeSuspected))
                 return;
             if (!Facts::isYes(c.referral, Field::policeConsulted)) {
                 sink.add(c.decisionMust(), path(Field::policeConsulted),
                          QStringLiteral("A criminal offence against a child may have been committed: discuss it "
                                         "with the police at the earliest opportunity and record it."));
                 return;
             }
             if (!hasValue(c.referral, Field::policeOutcome))
                 sink.add(Severity::Blocking, path(Field::policeOutcome),
                          QStringLiteral("Record the outcome of the discussion with the police."));
             if (!c.referral.answer(Field::policeStrategyDiscussion).hasValue())
                 sink.add(Severity::Blocking, path(Field::policeStrategyDiscussion),
                          QStringLiteral("Record whether the discussion with the police was a Strategy Discussion."));
         }},
        {{QStringLiteral("NOR-P2")},
         QStringLiteral("A possible crime is discussed with the co-located Police and Health partners"),
         [](const RuleContext &c, FindingSink &sink) {
             if (c.atDecision() && Facts::isYes(c.referral, Field::policeCrimeSuspected)
                 && !policeDiscussed(c.referral))
                 sink.add(Severity::Blocking, QStringLiteral("conversations"),
                          QStringLiteral("A crime may have been committed: record the discussion with the Police "
                                         "(and Health) partners and whether a strategy meeting follows."));
         }},
        {{QStringLiteral("NOR-P4")},
         QStringLiteral("The police had the concern first: record their reference"),
         [](const RuleContext &c, FindingSink &sink) {
             if (Facts::isYes(c.referral, Field::policeReceivedFirst) && !addressed(c.referral, Field::policeReference))
                 sink.add(Severity::Outstanding, path(Field::policeReference),
                          QStringLiteral("The police received this concern first: record the police reference."));
         }},
        {{QStringLiteral("NOR-L1")},
         QStringLiteral("Every conversation is recorded with its time, setting, who was present and what was said"),
         [](const RuleContext &c, FindingSink &sink) {
             for (const Conversation &conversation : c.referral.conversations) {
                 const auto at = [&](const char16_t *field) {
                     return itemPath(QLatin1StringView("conversations"), conversation.id, field);
                 };
                 if (!conversation.at.isValid())
                     sink.add(Severity::Blocking, at(u"at"), QStringLiteral("Record when the conversation took place."));
                 if (conversation.with.trimmed().isEmpty())
                     sink.add(Severity::Blocking, at(u"with"), QStringLiteral("Record who the conversation was with."));
                 if (conversation.summary.trimmed().isEmpty())
                     sink.add(Severity::Blocking, at(u"summary"),
                              QStringLiteral("Record what was said by all parties."));
                 if (conversation.setting.trimmed().isEmpty())
                     sink.add(Severity::Outstanding, at(u"setting"),
                              QStringLiteral("Record the setting of the conversation."));
                 if (conversation.present.trimmed().isEmpty())
                     sink.add(Severity::Outstanding, at(u"present"), QStringLiteral("Record who was present."));
             }
         }},
    };
}

} // namespace FrontDoor::Rules
