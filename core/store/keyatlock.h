#pragma once

#include "access/actor.h"
#include "common/result.h"

#include <QString>

namespace FrontDoor {

class Store;

// An encrypted database's key while the screen is locked (issue 20): wiped the moment the lock shows, and back only
// when the password of the person signed in unwraps the same key again from <file>.keys. While it is away nothing
// can read or write the file (store/database.h refuses, store/sealedvfs.cpp is the backstop), so the lock screen's
// wrong passwords cannot be recorded as they happen: they are counted and recorded, with the unlock, once the key is
// back. On a plaintext database, or while the key was kept (work waiting to be saved), unlocking is the ordinary
// password confirmation (Accounts::confirmPassword).
class KeyAtLock
{
public:
    KeyAtLock(Store &store, Actor actor);

    Status wipe();
    bool isWiped() const;
    // The lock screen's password: unwraps and restores the key when it was wiped, then confirms as ever.
    Status unlock(const QString &password);

private:
    Store &m_store;
    Actor m_actor;
    int m_wrongWhileWiped = 0;
};

} // namespace FrontDoor
