#include "access/processhardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace FrontDoor::ProcessHardening {

Status disableCoreDumps()
{
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        return makeError(ErrorCode::IoError, QStringLiteral("Core dumps could not be switched off."));
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return makeError(ErrorCode::IoError, QStringLiteral("The process could not be made non-dumpable."));
    return {};
}

bool coreDumpsDisabled()
{
    rlimit limit{};
    return ::getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0 && limit.rlim_max == 0
           && ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

} // namespace FrontDoor::ProcessHardening
