#pragma once

#include "store/accounts.h"
#include "store/store.h"

#include <memory>

namespace FrontDoor {

// Team mode's sign-in (issue 19): the person's name and password go to the server, which authenticates them
// (SCRAM-SHA-256); the store is theirs, connected as them, with their account as the server holds it. A wrong
// password, a disabled account or a server that cannot be reached each say so; the sign-in is an audit event.
// Edits this computer kept for the person while the server was away (a program killed offline) are sent first.
struct TeamSession
{
    std::unique_ptr<Store> store;
    Account account;
    SpoolDelivery delivered; // what this computer still held from an earlier session (sent on signing in)
};

Result<TeamSession> signInToTeam(const QString &connection,
                                 const QString &name,
                                 const QString &password,
                                 const Clock &clock,
                                 const Store::Options &options);

} // namespace FrontDoor
