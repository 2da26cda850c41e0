-- Referrals and the rows derived from them (see core/store/referralrepository.h, referralindex.h).

-- name: referrals.nextNumber
INSERT INTO reference_counters (prefix, year, last) VALUES (:prefix, :year, 1)
ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
RETURNING last

-- name: referrals.insert
INSERT INTO referrals (reference, profile, status, handler, urgent, call_started_at, created_at, updated_at,
                       updated_by, next_due, children_summary, revision, document, search_text)
VALUES (:reference, :profile, :status, :handler, :urgent, :callStartedAt, :at, :at, :user, :nextDue, :children, 1,
        :document, :searchText)
RETURNING id

-- name: referrals.row
-- With the case's lease, if any: a write checks both in one statement.
SELECT r.id, r.revision, r.status, r.document, r.pending_path, r.pending_from, r.pending_by, r.pending_at,
       r.search_text, r.updated_at, r.updated_by, r.urgent, r.next_due, r.children_summary, l.holder, l.workstation,
       l.instance, l.acquired_at, l.expires_at
FROM referrals AS r LEFT JOIN case_locks AS l ON l.reference = r.reference
WHERE r.reference = :reference

-- name: referrals.update.set
-- A save's row, put together from pieces (ReferralRepository::writeReferral): these columns always, then only the
-- groups below whose values changed, then the revision check. A column in SET rewrites its indexes' pages even when
-- its value is the same, and a keystroke changes only the document (issue 21).
UPDATE referrals SET document = :document, revision = revision + 1, updated_at = :at, updated_by = :user

-- name: referrals.update.status
, status = :status

-- name: referrals.update.urgent
, urgent = :urgent

-- name: referrals.update.nextDue
, next_due = :nextDue

-- name: referrals.update.children
, children_summary = :children

-- name: referrals.update.searchText
, search_text = :searchText

-- name: referrals.update.pending
, pending_path = :pendingPath, pending_from = :pendingFrom, pending_by = :pendingBy

-- name: referrals.update.pendingAt
, pending_at = :pendingAt

-- name: referrals.update.where
WHERE id = :id AND revision = :expected

-- name: referrals.withPending
SELECT reference FROM referrals WHERE pending_path IS NOT NULL

-- name: search.remove
DELETE FROM referral_search WHERE rowid = :id

-- name: search.add
INSERT INTO referral_search (rowid, body) VALUES (:id, :body)

-- name: persons.remove
DELETE FROM person_keys WHERE referral_id = :id

-- name: persons.add
INSERT INTO person_keys (referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year)
VALUES (:id, :person, :kind, :name, :folded, :given, :family, :birthDate, :birthYear)

-- name: actions.remove
DELETE FROM actions WHERE referral_id = :id

-- name: actions.add
INSERT INTO actions (referral_id, action_id, kind, procedure_id, due, status)
VALUES (:id, :action, :kind, :procedure, :due, :status)

-- name: events.add
INSERT INTO events (kind, reference, at) VALUES (:kind, :reference, :at)

-- name: events.prune
-- The newest event stays, whatever its age: a new one is numbered from it (schema step 10).
DELETE FROM events WHERE at < :before AND seq < (SELECT max(seq) FROM events)

-- name: referrals.clearPending
UPDATE referrals SET pending_path = NULL, pending_from = NULL, pending_by = NULL, pending_at = NULL
WHERE id = :id AND revision = :expected

-- name: referrals.exists
SELECT 1 FROM referrals WHERE reference = :reference

-- name: referrals.raiseCounter
INSERT INTO reference_counters (prefix, year, last) VALUES (:prefix, :year, :serial)
ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last)

-- name: referrals.forVerifying
SELECT id, reference, document, pending_path, pending_from, profile, status, handler, urgent, call_started_at,
       next_due, children_summary, search_text
FROM referrals ORDER BY id

-- name: referrals.forVerifyingOne
SELECT id, reference, document, pending_path, pending_from, profile, status, handler, urgent, call_started_at,
       next_due, children_summary, search_text
FROM referrals WHERE reference = :reference

-- name: referrals.allReferences
SELECT reference FROM referrals

-- name: search.all
SELECT rowid, body FROM referral_search

-- name: persons.all
SELECT referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year
FROM person_keys

-- name: actions.all
SELECT referral_id, action_id, kind, procedure_id, due, status FROM actions

-- name: search.ofReferral
SELECT rowid, body FROM referral_search WHERE rowid = :id

-- name: persons.ofReferral
SELECT referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year
FROM person_keys WHERE referral_id = :id

-- name: actions.ofReferral
SELECT referral_id, action_id, kind, procedure_id, due, status FROM actions WHERE referral_id = :id

-- name: events.latest
SELECT coalesce(max(seq), 0) FROM events

-- name: events.since
-- What changed after :seq, for the views of every open window (ChangeFeed).
SELECT seq, kind, reference FROM events WHERE seq > :seq ORDER BY seq LIMIT 1000

-- name: events.listed
-- Numbers the feed skipped (a JSON array), in case one has appeared since (ChangeFeed's gaps).
SELECT seq, kind, reference FROM events WHERE seq IN (SELECT value FROM json_each(:seqs)) ORDER BY seq

-- name: search.sources
SELECT id, search_text FROM referrals ORDER BY id
