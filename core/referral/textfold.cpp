#include "referral/textfold.h"

namespace FrontDoor {

QString foldForSearch(const QString &text)
{
    // Decompose (é → e + ◌́), drop the combining marks, then fold case. Letters with no decomposition (ø, ł, ß)
    // are mapped by hand to what an English-speaking call-handler would type.
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing
            || c.category() == QChar::Mark_SpacingCombining)
            continue;
        switch (c.unicode()) {
        case 0x00D8: case 0x00F8: folded += QLatin1Char('o'); continue; // Ø ø
        case 0x0141: case 0x0142: folded += QLatin1Char('l'); continue; // Ł ł
        case 0x00DF: folded += QLatin1String("ss"); continue;            // ß
        case 0x00C6: case 0x00E6: folded += QLatin1String("ae"); continue; // Æ æ
        case 0x0152: case 0x0153: folded += QLatin1String("oe"); continue; // Œ œ
        case 0x0110: case 0x0111: folded += QLatin1Char('d'); continue; // Đ đ
        case 0x2019: case 0x2018: case 0x02BC: folded += QLatin1Char('\''); continue; // ’ ‘ ʼ
        default: break;
        }
        folded += c;
    }
    return folded.toCaseFolded().simplified();
}

} // namespace FrontDoor
