#include "referral/postcode.h"

#include <QRegularExpression>

namespace FrontDoor {

Result<QString> Postcode::normalise(const QString &text)
{
    QString compact = text.toUpper();
    compact.remove(QRegularExpression(QStringLiteral("\\s+")));
    if (compact == QLatin1String("GIR0AA"))
        return QStringLiteral("GIR 0AA");
    // Letters not used in given positions (Q, V, X first; I, J, Z second; C, I, K, M, O, V in the inward unit).
    static const QRegularExpression shape(QStringLiteral(
        "^([A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?))([0-9][ABD-HJLNP-UW-Z]{2})$"));
    const QRegularExpressionMatch m = shape.match(compact);
    if (compact.size() > 8 || !m.hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("That is not a UK postcode. A postcode looks like NR1 2DH or LN1 1YL."));
    return QString(m.captured(1) + QLatin1Char(' ') + m.captured(2));
}

} // namespace FrontDoor
