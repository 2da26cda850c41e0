// libFuzzer target for what `frontdoor import` reads (issue 8): any bytes, through the foreign-file check and the
// strict referral JSON reader. Whatever it accepts must write back and read again to the same referral — a file
// the importer takes is a file the exporter could have written. Crashes, hangs and sanitizer reports are findings.
#include "common/jsonreader.h"
#include "referral/referraljson.h"

#include <cstdint>
#include <cstdlib>

using namespace FrontDoor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!JsonReader::checkForeign(bytes, QStringLiteral("fuzz")))
        return 0;
    const Result<Referral> referral = ReferralJson::parse(bytes, QStringLiteral("fuzz"));
    if (!referral)
        return 0;
    const Result<Referral> again = ReferralJson::parse(ReferralJson::serialize(*referral), QStringLiteral("again"));
    if (!again || !(*again == *referral))
        std::abort(); // accepted, but does not survive its own round trip
    return 0;
}
