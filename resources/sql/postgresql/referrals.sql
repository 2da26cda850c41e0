-- Referrals and the rows derived from them, on the server (see core/store/referralrepository.h). The same keys and
-- columns as the SQLite dialect; the search row also holds its words as a tsvector (ReferralIndex::searchWords).

-- name: referrals.nextNumber
INSERT INTO reference_counters AS c (prefix, year, last) VALUES (:prefix, :year, 1)
ON CONFLICT (prefix, year) DO UPDATE SET last = c.last + 1
RETURNING last

-- name: referrals.insert
INSERT INTO referrals (reference, profile, status, handler, urgent, call_started_at, created_at, updated_at,
                       updated_by, next_due, children_summary, revision, document, search_text)
VALUES (:reference, :profile, :status, :handler, :urgent, :callStartedAt, :at, :at, :user, :nextDue, :children, 1,
        :document, :searchText)
RETURNING id

-- name: referrals.row
-- With the case's lease, read under a lock on the case's name for the rest of the transaction (case_lease): a write
-- checks both in one round trip.
SELECT r.id, r.revision, r.status, r.document, r.pending_path, r.pending_from, r.pending_by, r.pending_at,
       r.search_text, r.updated_at, r.updated_by, r.urgent, r.next_due, r.children_summary, l.holder, l.workstation,
       l.instance, l.acquired_at, l.expires_at
FROM referrals AS r LEFT JOIN LATERAL case_lease(r.reference) AS l ON true
WHERE r.reference = :reference

-- name: referrals.withPending
-- Only the signed-in person's own: another desk's burst may still be being typed, and its events are recorded under
-- its typist's name (audit_append), so it is flushed by that desk, or by that person's next sign-in after a crash.
SELECT reference FROM referrals WHERE pending_path IS NOT NULL AND pending_by = session_user

-- name: referrals.written
-- A write in one round trip (frontdoor.referral_written): the row if its revision is still :expected, the derived
-- rows that changed (NULL: unchanged) and the change's event; the event's number, announced after COMMIT
-- (events.announce), or 0 and nothing written if the row had moved on.
SELECT referral_written(CAST(:row AS text), CAST(:id AS bigint), CAST(:reference AS text),
                        CAST(:searchBody AS text), CAST(:searchWords AS text), CAST(:keys AS text),
                        CAST(:actions AS text), CAST(:notice AS text), CAST(:at AS text))

-- name: referrals.typed
-- A keystroke that goes on typing the row's burst, in one statement outside any transaction
-- (frontdoor.referral_typed, issue 19): written as referrals.written writes, only if the row is still as the desk
-- left it and no other instance holds a live lease; its event's number as referrals.written answers.
SELECT referral_typed(CAST(:row AS text), CAST(:id AS bigint), CAST(:reference AS text),
                      CAST(:searchBody AS text), CAST(:searchWords AS text), CAST(:keys AS text),
                      CAST(:actions AS text), CAST(:notice AS text), CAST(:at AS text), CAST(:instance AS text))

-- name: referrals.saved
-- A save from what the desk last wrote, with its events, in one statement that commits by itself
-- (frontdoor.referral_saved, issue 19; the server checks each event's link as the desk computed it, schema step 11):
-- written only if the row is still as the desk left it. Its first row holds the change's event number, then one row
-- per link of the trail (seq, prev_hash, hash), which the desk checks again; no rows and nothing written if the row
-- had moved on.
SELECT seq, prev_hash, hash
FROM referral_saved(CAST(:row AS text), CAST(:id AS bigint), CAST(:reference AS text), CAST(:searchBody AS text),
                    CAST(:searchWords AS text), CAST(:keys AS text), CAST(:actions AS text), CAST(:notice AS text),
                    CAST(:at AS text), CAST(:instance AS text), CAST(:events AS text))

-- name: events.prune
-- On the server the events table is pruned by the server's own maintenance, not by each workstation.
SELECT CAST(:before AS text) IS NULL

-- name: referrals.clearPending
UPDATE referrals SET pending_path = NULL, pending_from = NULL, pending_by = NULL, pending_at = NULL
WHERE id = :id AND revision = :expected

-- name: referrals.exists
SELECT 1 FROM referrals WHERE reference = :reference

-- name: referrals.raiseCounter
INSERT INTO reference_counters AS c (prefix, year, last) VALUES (:prefix, :year, :serial)
ON CONFLICT (prefix, year) DO UPDATE SET last = greatest(c.last, excluded.last)

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
SELECT referral_id, body FROM referral_search

-- name: persons.all
SELECT referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year
FROM person_keys

-- name: actions.all
SELECT referral_id, action_id, kind, procedure_id, due, status FROM actions

-- name: search.ofReferral
SELECT referral_id, body FROM referral_search WHERE referral_id = :id

-- name: persons.ofReferral
SELECT referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year
FROM person_keys WHERE referral_id = :id

-- name: actions.ofReferral
SELECT referral_id, action_id, kind, procedure_id, due, status FROM actions WHERE referral_id = :id

-- name: events.latest
SELECT coalesce(max(seq), 0) FROM events

-- name: events.since
SELECT seq, kind, reference FROM events WHERE seq > :seq ORDER BY seq LIMIT 1000

-- name: events.listed
-- Numbers the feed skipped (a JSON array): on the server a number is taken at insert and seen at commit, so a save
-- that began first may be seen after a later one (ChangeFeed's gaps).
SELECT seq, kind, reference FROM events
WHERE seq IN (SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(:seqs AS json))) ORDER BY seq

-- name: events.digest
-- What the feed holds by notice, confirmed without reading it back (ChangeFeed::confirmHints): how many events lie in
-- (after, upto] and a SHA-256 of their lines "seq|kind|reference\n" in order, which the feed computes over its notices.
SELECT count(*), coalesce(encode(sha256(convert_to(string_agg(CAST(seq AS text) || '|' || kind || '|'
    || coalesce(reference, '') || chr(10), '' ORDER BY seq), 'UTF8')), 'hex'), '')
FROM events WHERE seq > :after AND seq <= :upto

-- name: events.announce
-- The notices of events this desk has just committed ({seq,…}), sent to every listening desk after COMMIT by
-- Database::announce (server step 7): a commit that notifies holds a lock for the whole database until its WAL is
-- on disk, and this statement writes nothing.
SELECT announce_events(CAST(:seqs AS bigint[]))
