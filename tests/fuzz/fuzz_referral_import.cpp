// libFuzzer target for what `frontdoor import` and `check` read (issues 8, 16): any bytes, through the one strict
// referral JSON reader (size cap, duplicate keys, text lengths, counts). Whatever it accepts must write back and read again to the same referral — a file
// the importer takes is a file the exporter could have written. Crashes, hangs and sanitizer reports are findings.
#include "referral/referraljson.h"

#include <cstdint>
#include <cstdlib>

using namespace FrontDoor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<Referral> referral = ReferralJson::parse(bytes, QStringLiteral("fuzz"));
    if (!referral)
        return 0;
    const Result<Referral> again = ReferralJson::parse(ReferralJson::serialize(*referral), QStringLiteral("again"));
    if (!again || !(*again == *referral))
        std::abort(); // accepted, but does not survive its own round trip
    return 0;
}
