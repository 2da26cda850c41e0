#pragma once

#include "common/result.h"

namespace FrontDoor {

// UK phone numbers checked and normalised with Google's libphonenumber (Debian's libphonenumber-dev): it knows
// Ofcom's numbering plan, which a home-made pattern would not. Numbers without a country code are read as UK.
struct PhoneNumber
{
    QString e164;     // stored form, e.g. +443448008021
    QString national; // shown form, e.g. 0344 800 8021

    static Result<PhoneNumber> parse(const QString &text);
};

} // namespace FrontDoor
