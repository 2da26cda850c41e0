#pragma once

#include "profile/profile.h"
#include "referral/referral.h"
#include "rules/finding.h"

#include <QDateTime>

#include <functional>
#include <vector>

namespace FrontDoor {

// When the rules are asked. A draft is checked for submission by the call-handler; a submitted referral is
// checked for the supervisor's decision, when the decision-stage musts (police consultation LIN-P1, an outcome
// per child NOR-O1 …) become blocking.
enum class Stage { Intake, Decision };

// What a rule sees. Pure data: the rules do no I/O and read no clock (time is passed in).
struct RuleContext
{
    const Referral &referral;
    const Profile &profile;
    QDateTime now;
    Stage stage;

    bool atDecision() const { return stage == Stage::Decision; }
    // Blocking at the decision, outstanding while the call is being taken.
    Severity decisionMust() const { return atDecision() ? Severity::Blocking : Severity::Outstanding; }
};

// Collects one rule's findings; the evaluator stamps them with the rule's procedure ID.
class FindingSink
{
public:
    void add(Severity severity, QString path, QString message)
    {
        m_findings.append(Finding{{}, severity, std::move(path), std::move(message)});
    }
    Findings take() { return std::move(m_findings); }

private:
    Findings m_findings;
};

// A statutory invariant in code. `ids` are the procedure paragraphs it serves, most specific first; it applies
// to a profile when one of them belongs to that profile's procedure, and its findings carry the first such ID.
struct Rule
{
    QStringList ids;
    QString summary;
    std::function<void(const RuleContext &, FindingSink &)> check;
};

namespace Rules {
// Every statutory rule, from the rule files of this folder (one per section of the spec).
const std::vector<Rule> &all();

// The rule files' tables.
std::vector<Rule> safetyRules();      // §2
std::vector<Rule> consentRules();     // §4
std::vector<Rule> identityRules();    // §5
std::vector<Rule> policeRules();      // §6, §7
std::vector<Rule> decisionRules();    // §8
std::vector<Rule> specialKindRules(); // §9, and the special kinds of §1
} // namespace Rules

} // namespace FrontDoor
