-- The audit trail on the server (see core/store/audittrail.h and server.sql). The server links each event itself
-- (frontdoor.audit_append_all, one round trip, moving the head as it goes); the Writer computes each link again as on
-- SQLite and refuses any other before COMMIT.

-- name: audit.head
-- Locked until the writer's transaction ends (frontdoor.audit_head_locked): the next link is this writer's alone.
SELECT seq, hash FROM audit_head_locked()

-- name: audit.appendAll
-- A save's events in one round trip (frontdoor.audit_append_all): each link's sequence, previous hash and hash.
SELECT seq, prev_hash, hash FROM audit_append_all(CAST(:reference AS text), CAST(:events AS text))

-- name: audit.since
SELECT seq, reference, user_id, at, kind, payload, prev_hash, hash FROM audit WHERE seq > :seq ORDER BY seq

-- name: audit.forReferral
SELECT seq, reference, user_id, at, kind, payload, prev_hash, hash FROM audit WHERE reference = :reference ORDER BY seq

-- name: audit.accountEvents
SELECT seq, user_id, at, kind, payload FROM audit
WHERE kind IN ('accountCreated', 'accountDisabled', 'accountEnabled', 'passwordReset', 'accountsRecorded',
               'signedIn', 'signInFailed')
ORDER BY seq

-- name: audit.hashAt
SELECT hash FROM audit WHERE seq = :seq

-- name: audit.firstBrokenLink
-- The chain checked on the server, for an administrator who reads no case content.
SELECT first_broken_link()

-- name: audit.latestStates
SELECT reference, CAST(payload AS json) ->> 'state' FROM audit
WHERE seq IN (SELECT max(seq) FROM audit
              WHERE reference IS NOT NULL AND CAST(payload AS json) -> 'state' IS NOT NULL
              GROUP BY reference)

-- name: audit.latestStatesOf
SELECT CAST(payload AS json) ->> 'state' FROM audit
WHERE reference = :reference AND CAST(payload AS json) -> 'state' IS NOT NULL
ORDER BY seq DESC LIMIT 1

-- name: audit.referencesSince
SELECT DISTINCT reference FROM audit WHERE seq > :seq AND reference IS NOT NULL

-- name: audit.referralsBegun
SELECT reference, min(seq) FROM audit WHERE reference IS NOT NULL AND kind IN ('created', 'imported')
GROUP BY reference

-- name: importedHistory.add
-- A standalone file's event, byte for byte (frontdoor server import-database).
INSERT INTO imported_history (source_head, seq, reference, user_id, at, kind, payload, prev_hash, hash)
VALUES (:sourceHead, :seq, :reference, :user, :at, :kind, :payload, :previous, :hash)
