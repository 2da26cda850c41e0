#pragma once

#include "common/result.h"

#include <QString>

namespace FrontDoor {

// Where the database lives and making that place safe before SQLite touches it: the folder owner-only (0700),
// the file owner-only (0600). SQLite gives its -wal and -shm files the permissions of the database file.
class DatabaseLocation
{
public:
    // <AppDataLocation>/frontdoor.sqlite, e.g. ~/.local/share/FrontDoor/frontdoor/frontdoor.sqlite
    static QString defaultPath();
    // <AppDataLocation>/frontdoor-training.sqlite: training mode's own file, never the live one.
    static QString defaultTrainingPath();

    // Creates the folder and an empty file if they do not exist, and tightens their permissions.
    // Never truncates or rewrites an existing file.
    static Result<QString> prepare(const QString &path);
};

} // namespace FrontDoor
