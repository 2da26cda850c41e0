#pragma once

#include <QList>
#include <QString>

// The numbered requirements of both procedures (spec/procedure-rules.md): NOR- Norfolk 3.1, LIN- Lincolnshire 4.3,
// ALL- both. Profiles, rules, actions and tests carry these IDs.
namespace FrontDoor::ProcedureIds {

struct Requirement
{
    QString id;
    QString text;
};

// A requirement met by something other than a profile item or a rule, and where.
struct HandledElsewhere
{
    QString id;
    QString where;
};

const QList<Requirement> &all();
// Requirements a front door meets although its procedure does not number them (issue 16): national procedures that
// apply in every authority. Each says so and is marked "confirm locally" where the profile asks it.
const QList<Requirement> &localAdditions();
const QList<HandledElsewhere> &handledElsewhere();
QString summary(const QString &id);

} // namespace FrontDoor::ProcedureIds
