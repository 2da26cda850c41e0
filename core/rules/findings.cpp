#include "rules/finding.h"

namespace FrontDoor {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Blocking: return QStringLiteral("blocking");
    case Severity::Outstanding: return QStringLiteral("outstanding");
    case Severity::Advice: return QStringLiteral("advice");
    }
    return {};
}

bool hasBlocking(const Findings &findings)
{
    for (const Finding &finding : findings) {
        if (finding.severity == Severity::Blocking)
            return true;
    }
    return false;
}

Findings withSeverity(const Findings &findings, Severity severity)
{
    Findings result;
    for (const Finding &finding : findings) {
        if (finding.severity == severity)
            result.append(finding);
    }
    return result;
}

} // namespace FrontDoor
