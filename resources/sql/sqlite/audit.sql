-- The audit trail (see core/store/audittrail.h).

-- name: audit.head
SELECT seq, hash FROM audit_head WHERE id = 1

-- name: audit.insert
-- The hash of the event before (:previous) is not stored: it is the hash of the row at seq - 1 (schema step 7).
INSERT INTO audit (seq, reference, user_id, at, kind, payload, hash)
VALUES (:seq, :reference, :user, :at, :kind, :payload, unhex(:hash))

-- name: audit.insertBeforeStep7
-- audit.insert into the trail as steps 1 to 6 kept it (each hash as hex text, the previous one beside it): what a
-- C++ step before 7 writes (step 3 records the existing accounts) while a file made before is brought up to date.
INSERT INTO audit (seq, reference, user_id, at, kind, payload, prev_hash, hash)
VALUES (:seq, :reference, :user, :at, :kind, :payload, :previous, :hash)

-- name: audit.moveHead
UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1 AND seq = :previousSeq

-- name: audit.since
-- The chain from the event after :seq (0: the whole chain), in order. The hash of the event before each is read from
-- that event (schema step 7); before the first, the genesis hash, as audit_head began.
SELECT a.seq, a.reference, a.user_id, a.at, a.kind, a.payload, iif(p.hash IS NULL, '0000000000000000000000000000000000000000000000000000000000000000', lower(hex(p.hash))),
       lower(hex(a.hash))
FROM audit AS a LEFT JOIN audit AS p ON p.seq = a.seq - 1
WHERE a.seq > :seq
ORDER BY a.seq

-- name: audit.forReferral
SELECT a.seq, a.reference, a.user_id, a.at, a.kind, a.payload, iif(p.hash IS NULL, '0000000000000000000000000000000000000000000000000000000000000000', lower(hex(p.hash))),
       lower(hex(a.hash))
FROM audit AS a LEFT JOIN audit AS p ON p.seq = a.seq - 1
WHERE a.reference = :reference
ORDER BY a.seq

-- name: audit.latestStates
SELECT reference, json_extract(payload, '$.state') FROM audit
WHERE seq IN (SELECT max(seq) FROM audit
              WHERE reference IS NOT NULL AND json_extract(payload, '$.state') IS NOT NULL
              GROUP BY reference)

-- name: audit.latestStatesOf
-- audit.latestStates for one referral.
SELECT json_extract(payload, '$.state') FROM audit
WHERE reference = :reference AND json_extract(payload, '$.state') IS NOT NULL
ORDER BY seq DESC LIMIT 1

-- name: audit.referencesSince
-- The referrals events after :seq touched: what a run from a checkpoint re-verifies.
SELECT DISTINCT reference FROM audit WHERE seq > :seq AND reference IS NOT NULL

-- name: audit.referralsBegun
-- Each referral the trail says was begun here (started or imported), with the event that began it.
SELECT reference, min(seq) FROM audit WHERE reference IS NOT NULL AND kind IN ('created', 'imported')
  AND kind <> 'fieldChanged'
GROUP BY reference

-- name: audit.accountEvents
SELECT seq, user_id, at, kind, payload FROM audit
WHERE kind IN ('accountCreated', 'accountDisabled', 'accountEnabled', 'passwordReset', 'accountsRecorded',
               'signedIn', 'signInFailed')
  AND kind <> 'fieldChanged'
ORDER BY seq

-- name: audit.hashAt
SELECT lower(hex(hash)) FROM audit WHERE seq = :seq
