-- Accounts and sign-in (see core/store/accounts.h).

-- name: users.count
SELECT count(*) FROM users

-- name: users.get
SELECT id, display_name, role, password_hash, disabled FROM users WHERE id = :id

-- name: users.all
SELECT id, display_name, role, password_hash, disabled FROM users ORDER BY id

-- name: users.add
INSERT INTO users (id, display_name, role, password_hash, disabled, created_at, created_by, password_changed_at)
VALUES (:id, :name, :role, :hash, 0, :at, :by, :at)

-- name: users.setDisabled
UPDATE users SET disabled = :disabled WHERE id = :id

-- name: users.setPassword
UPDATE users SET password_hash = :hash, password_changed_at = :at WHERE id = :id

-- name: users.recentFailures
SELECT count(*), max(at) FROM sign_in_failures WHERE user_id = :id AND at >= :since

-- name: users.addFailure
INSERT INTO sign_in_failures (user_id, at) VALUES (:id, :at)

-- name: users.removeAttempt
-- A sign-in attempt counted before its password was checked, and found right: one row of this name and time.
DELETE FROM sign_in_failures
WHERE rowid = (SELECT rowid FROM sign_in_failures WHERE user_id = :id AND at = :at LIMIT 1)

-- name: users.clearFailures
DELETE FROM sign_in_failures WHERE user_id = :id

-- name: users.allFailures
SELECT user_id, at FROM sign_in_failures
