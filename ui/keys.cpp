#include "keys.h"

#include <QCoreApplication>

namespace FrontDoor::Keys {

namespace {

QString shown(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("FrontDoor::Keys", text);
}

} // namespace

QList<Described> described()
{
    return {
        {shown(newReferral), tr("Start a new referral (the reference and the call's start are recorded at once)")},
        {tr("Y / N"), tr("Answer the yes/no question that has the focus")},
        {tr("Tab / Shift+Tab"), tr("Next / previous question")},
        {shown(notKnown), tr("Record the question with the focus as Not known")},
        {shown(declined), tr("Record the question with the focus as Declined")},
        {shown(notAsked), tr("Record the question with the focus as Not asked, and type why")},
        {shown(nextSection) + tr(" / ") + shown(previousSection), tr("Next / previous section")},
        {shown(stillToAsk), tr("Go to the Still to ask list; Enter jumps to the item's question")},
        {shown(addChild), tr("Add a child")},
        {shown(addAdult), tr("Add an adult")},
        {shown(submit), tr("Submit: first shows what stops it or the next-steps summary; press again to submit")},
        {shown(stepBack), tr("Step back from the submit summary")},
        {shown(home), tr("Home: unfinished calls and recent referrals (the open referral is saved first)")},
        {shown(queue), tr("The queue (supervisors): urgent first, then by next due; Enter opens a referral")},
        {shown(printOrExport), tr("Print or export the referral under review: the written record, the notice to the "
                                  "family, the feedback to the referrer, or its data (supervisors; recorded)")},
        {shown(exportQueue), tr("Export the queue as CSV for reporting: no names and no free text unless chosen "
                                "(supervisors; recorded)")},
        {shown(dashboard), tr("The dashboard (supervisors): the last four weeks in pictures")},
        {shown(lockNow), tr("Lock the screen at once (privacy screen)")},
        {shown(shortcutsHelp), tr("This list of keyboard shortcuts")},
        {shown(quit), tr("Quit Front Door")},
    };
}

} // namespace FrontDoor::Keys
