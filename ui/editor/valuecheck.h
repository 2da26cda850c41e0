#pragma once

#include "profile/profile.h"

#include <QDate>

namespace FrontDoor {

// What the call-handler typed, read the way the question's type asks: the value to store (canonical when it is
// understood, exactly as typed when not — nothing is lost) and what to show beside the field.
struct ValueCheck
{
    QString stored;
    QString shown;   // "12 Mar 2015", "0344 800 8021", or the problem in plain words
    bool understood = true;

    static ValueCheck of(const Question &question, const QString &typed, const QDate &today);
};

} // namespace FrontDoor
