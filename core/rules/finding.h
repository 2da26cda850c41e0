#pragma once

#include <QList>
#include <QString>

namespace FrontDoor {

enum class Severity {
    Blocking,    // a procedure's "must" is broken: the referral cannot be submitted (or the decision signed)
    Outstanding, // an information item not yet addressed: shown and recorded, never blocks (NOR-G0)
    Advice,      // a prompt
};

QString severityName(Severity severity);

// One thing the rules have to say about a referral: which paragraph (procedure ID), how serious, where in the
// referral (a field path such as "consent.managerName" or "children[c1].dateOfBirth") and, in plain English,
// what to do. Messages never quote the referral's content.
struct Finding
{
    QString ruleId;
    Severity severity = Severity::Advice;
    QString path;
    QString message;

    friend bool operator==(const Finding &, const Finding &) = default;
};

using Findings = QList<Finding>;

bool hasBlocking(const Findings &findings);
Findings withSeverity(const Findings &findings, Severity severity);

} // namespace FrontDoor
