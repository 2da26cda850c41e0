#pragma once

#include "common/result.h"

namespace FrontDoor {

// UK postcodes in the official format: outward code, one space, inward code, capitals ("nr12dh" → "NR1 2DH").
// Checks the shape the Royal Mail/ONS format allows (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA,
// and GIR 0AA); it cannot know whether the postcode exists.
class Postcode
{
public:
    static Result<QString> normalise(const QString &text);
};

} // namespace FrontDoor
