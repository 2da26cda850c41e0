#pragma once

#include "common/result.h"

#include <QString>

namespace FrontDoor {

// Where the database lives and making that place safe before SQLite touches it: the folder owner-only (0700),
// the file owner-only (0600). SQLite gives its -wal and -shm files the permissions of the database file.
class DatabaseLocation
{
public:
    // <folder>/frontdoor.sqlite; with no folder (none deployed, DeployedSettings) <AppDataLocation>, e.g.
    // ~/.local/share/FrontDoor/frontdoor/frontdoor.sqlite
    static QString defaultPath(const QString &folder = {});
    // <folder>/frontdoor-training.sqlite: training mode's own file beside the live one, never the live one.
    static QString defaultTrainingPath(const QString &folder = {});

    // Creates the folder and an empty file if they do not exist, and tightens their permissions.
    // Never truncates or rewrites an existing file.
    static Result<QString> prepare(const QString &path);
    // Makes `folder` and any missing parent, each readable by its owner only (0700) whatever the umask (issue 17).
    static bool makeOwnerOnlyFolder(const QString &folder);
};

} // namespace FrontDoor
