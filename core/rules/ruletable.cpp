#include "rules/rule.h"

namespace FrontDoor::Rules {

const std::vector<Rule> &all()
{
    static const std::vector<Rule> rules = [] {
        std::vector<Rule> list;
        for (auto &&part : {safetyRules(), consentRules(), identityRules(), policeRules(), decisionRules(),
                            specialKindRules()})
            list.insert(list.end(), part.begin(), part.end());
        return list;
    }();
    return rules;
}

} // namespace FrontDoor::Rules
