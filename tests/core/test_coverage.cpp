// Every requirement of both procedures is served by a profile item, a rule, or a documented "handled elsewhere".
#include "support/referralbuilder.h"

#include "rules/evaluator.h"
#include "rules/procedureids.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {
QSet<QString> ruleIds()
{
    QSet<QString> ids;
    for (const Rule &rule : Rules::all())
        ids.unite(QSet<QString>(rule.ids.begin(), rule.ids.end()));
    return ids;
}

QSet<QString> elsewhereIds()
{
    QSet<QString> ids;
    for (const auto &entry : ProcedureIds::handledElsewhere()) {
        CHECK_FALSE(entry.where.isEmpty());
        ids.insert(entry.id);
    }
    return ids;
}

QStringList uncovered(const Profile &profile)
{
    const QStringList profileIds = profile.procedureIds();
    const QSet<QString> inProfile(profileIds.begin(), profileIds.end());
    const QSet<QString> inRules = ruleIds();
    const QSet<QString> elsewhere = elsewhereIds();
    QStringList missing;
    for (const auto &requirement : ProcedureIds::all()) {
        if (!profile.ownsProcedureId(requirement.id))
            continue;
        if (!inProfile.contains(requirement.id) && !inRules.contains(requirement.id)
            && !elsewhere.contains(requirement.id))
            missing << requirement.id;
    }
    return missing;
}
} // namespace

TEST_CASE("The spec's list of requirement IDs is complete")
{
    CHECK(ProcedureIds::all().size() == 78);
    CHECK(ProcedureIds::summary(QStringLiteral("NOR-A2")).contains(QStringLiteral("never be anonymous")));
}

TEST_CASE("Norfolk's profile and rules cover every NOR and ALL requirement")
{
    CHECK(uncovered(norfolk()) == QStringList());
}

TEST_CASE("Lincolnshire's profile and rules cover every LIN and ALL requirement")
{
    CHECK(uncovered(lincolnshire()) == QStringList());
}

TEST_CASE("Every ID named by a profile or a rule exists in the spec")
{
    QSet<QString> known;
    for (const auto &requirement : ProcedureIds::all())
        known.insert(requirement.id);
    for (const auto &requirement : ProcedureIds::localAdditions()) { // each says why it is not in the procedure
        CHECK(requirement.text.contains(QStringLiteral("confirm locally")));
        known.insert(requirement.id);
    }
    QSet<QString> named = ruleIds();
    for (const Profile *p : {&norfolk(), &lincolnshire()}) {
        const QStringList ids = p->procedureIds();
        named.unite(QSet<QString>(ids.begin(), ids.end()));
    }
    CHECK(named.subtract(known) == QSet<QString>());
}
