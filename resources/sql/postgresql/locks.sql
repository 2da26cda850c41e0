-- Case locks on the server: leases with a holder, renewed by a heartbeat (see core/store/caselocks.h).

-- name: locks.holder
-- Under a lock on the case's name for the rest of the transaction (frontdoor.case_lease).
SELECT holder, workstation, instance, acquired_at, expires_at FROM case_lease(CAST(:reference AS text))

-- name: locks.put
INSERT INTO case_locks (reference, holder, workstation, instance, acquired_at, expires_at)
VALUES (:reference, :holder, :workstation, :instance, :at, :expires)
ON CONFLICT (reference) DO UPDATE
SET holder = excluded.holder, workstation = excluded.workstation, instance = excluded.instance,
    acquired_at = excluded.acquired_at, expires_at = excluded.expires_at

-- name: locks.renew
UPDATE case_locks SET expires_at = :expires WHERE reference = :reference AND instance = :instance

-- name: locks.release
DELETE FROM case_locks WHERE reference = :reference AND instance = :instance

-- name: locks.releaseAll
DELETE FROM case_locks WHERE instance = :instance
