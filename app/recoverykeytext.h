#pragma once

#include <QString>

namespace FrontDoor::RecoveryKeyText {

// What a command prints once when it makes an encrypted database's key (issue 20): the recovery key, and what
// information governance must do with it.
QString forTerminal(const QString &databasePath, const QString &recoveryKey);

} // namespace FrontDoor::RecoveryKeyText
