#pragma once

#include "commandline.h"

namespace FrontDoor::UserCommand {

// frontdoor user add LOGIN --name NAME --role ROLE [--as ADMIN]   (the first account needs no --as: it is the
//                                                                  administrator)
// frontdoor user disable LOGIN --as ADMIN
// frontdoor user reset LOGIN --as ADMIN
// frontdoor user list
// The acting administrator's password, then the new password twice, are read from the terminal or standard input.
int run(const Options &options);

} // namespace FrontDoor::UserCommand
