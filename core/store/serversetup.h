#pragma once

#include "common/result.h"

namespace FrontDoor {

class Database;

// Team mode's schema on the server (issue 19; resources/sql/postgresql/server.sql): created once by a database
// administrator (`frontdoor server init`) and upgraded step by step (`frontdoor server migrate`), each step in one
// transaction with the version it reaches. Workstations only check the version when they connect
// (Database::connect): the schema, the roles, the grants and row-level security are the administrator's to change.
class ServerSetup
{
public:
    static constexpr int latestVersion = 11;

    struct Applied
    {
        int from = 0;
        int to = 0;
    };

    // 0 when the database holds no Front Door schema.
    static Result<int> schemaVersion(Database &server);
    // Roles, extensions and every step; refused when the schema is already there (migrate upgrades it).
    static Result<Applied> init(Database &server);
    // The steps after the server's version; none when it is up to date.
    static Result<Applied> migrate(Database &server);
};

} // namespace FrontDoor
