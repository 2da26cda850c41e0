#pragma once

#include <QColor>
#include <QLatin1StringView>
#include <QString>

class QApplication;
class QWidget;

namespace FrontDoor::Theme {

// Front Door's one visual style: resources/style/frontdoor.qss, compiled into the program. The app and the GUI
// tests apply the same sheet, so what a test drives is what a call-handler sees.
void apply(QApplication &app);

// The style "kinds" resources/style/frontdoor.qss picks widgets by ([kind="…"]): named once here, so a kind the
// code sets is one the sheet knows.
namespace Kind {
inline constexpr QLatin1StringView none{""};
inline constexpr QLatin1StringView answerState{"answerState"};
inline constexpr QLatin1StringView blocked{"blocked"};
inline constexpr QLatin1StringView card{"card"};
inline constexpr QLatin1StringView cardTitle{"cardTitle"};
inline constexpr QLatin1StringView checkOk{"checkOk"};
inline constexpr QLatin1StringView checkProblem{"checkProblem"};
inline constexpr QLatin1StringView chip{"chip"};
inline constexpr QLatin1StringView count{"count"};
inline constexpr QLatin1StringView countUrgent{"countUrgent"};
inline constexpr QLatin1StringView done{"done"};
inline constexpr QLatin1StringView failed{"failed"};
inline constexpr QLatin1StringView guidance{"guidance"};
inline constexpr QLatin1StringView help{"help"};
inline constexpr QLatin1StringView matches{"matches"};
inline constexpr QLatin1StringView outOfHours{"outOfHours"};
inline constexpr QLatin1StringView primary{"primary"};
inline constexpr QLatin1StringView problemBar{"problemBar"};
inline constexpr QLatin1StringView prompt{"prompt"};
inline constexpr QLatin1StringView quiet{"quiet"};
inline constexpr QLatin1StringView record{"record"};
inline constexpr QLatin1StringView routing{"routing"};
inline constexpr QLatin1StringView saved{"saved"};
inline constexpr QLatin1StringView script{"script"};
inline constexpr QLatin1StringView trainingBanner{"trainingBanner"};
} // namespace Kind

// The colours the code paints with where no style sheet reaches (list items, table cells, charts). The sheet uses
// the same values: urgent is #b00000 there too.
namespace Palette {
inline QColor urgent()
{
    return QColor(0xb0, 0x00, 0x00);
} // overdue, urgent, a must: the one red
inline QColor dueSoon()
{
    return QColor(0x8a, 0x4b, 0x00);
} // due today
inline QColor chart()
{
    return QColor(0x35, 0x59, 0x7d);
} // the dashboard's ordinary bars
} // namespace Palette

// Gives a widget one of the kinds above and repolishes it, so a kind that changes at run time (saved → failed) is
// redrawn at once.
void setKind(QWidget *widget, QLatin1StringView kind);

} // namespace FrontDoor::Theme
