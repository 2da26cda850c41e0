-- Accounts in team mode (see core/store/serveraccounts.h): login roles, managed by server.sql's functions.

-- name: users.all
SELECT id, display_name, role, disabled FROM users ORDER BY id

-- name: users.get
SELECT id, display_name, role, disabled FROM users WHERE id = :id

-- name: users.count
SELECT count(*) FROM users

-- name: server.accountAdd
SELECT account_add(CAST(:id AS text), CAST(:name AS text), CAST(:role AS text), CAST(:password AS text),
                   CAST(:at AS text))

-- name: server.accountSetDisabled
SELECT account_set_disabled(CAST(:id AS text), CAST(:disabled AS boolean))

-- name: server.accountSetPassword
SELECT account_set_password(CAST(:id AS text), CAST(:password AS text), CAST(:at AS text))

-- name: server.spoolKey
-- The key that seals this person's offline spool (issue 19; made at the first ask).
SELECT spool_key()
