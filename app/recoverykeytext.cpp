#include "recoverykeytext.h"

namespace FrontDoor::RecoveryKeyText {

QString forTerminal(const QString &databasePath, const QString &recoveryKey)
{
    return QStringLiteral("\n%1 is encrypted. Its RECOVERY KEY, shown only this once:\n\n    %2\n\n"
                          "Write it down now and give it to information governance to keep safe, away from this "
                          "computer. It opens the records and their backups when no one's password can (frontdoor "
                          "restore FILE --recovery-key --as ADMIN). Front Door does not keep it anywhere.\n\n")
        .arg(databasePath, recoveryKey);
}

} // namespace FrontDoor::RecoveryKeyText
