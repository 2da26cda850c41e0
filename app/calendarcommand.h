#pragma once

#include "commandline.h"

namespace FrontDoor::CalendarCommand {

// frontdoor calendar working-days-after DATE N | is-working-day DATE — the working days the store counts due times
// in (the installed England and Wales bank holidays; a year past the published list is projected and says so), for
// IT and auditors checking a timescale without the window.
//   working-days-after: prints the date N working days after DATE (the day a "within N working days" item received
//     on DATE is due by the end of); exit 0.
//   is-working-day: prints "yes" or "no"; exit 0 for yes, 1 for no.
// A date that is not a date, or N that is not 0 to 365, is refused with exit 2.
int run(const Options &options);

} // namespace FrontDoor::CalendarCommand
