-- Finding referrals: the queue, search, the known-child check (see core/store/referralqueries.h).
-- An absent filter is bound as NULL. The queue's order (urgent first, then next due, undated last) is exactly
-- the expression index referrals_queue, so the first page is read from the index, not sorted.
-- Search returns the newest matches first: FTS5 walks its rowids downwards and stops at the limit.

-- The queue's filter: one piece, put in place in its list and its count ({{queries.filter}}).
-- name: queries.filter
WHERE (:status IS NULL OR status = :status)
  AND (:status = 'discarded' OR status <> 'discarded') -- a call started by mistake is in no list unless asked for
  AND (:profile IS NULL OR profile = :profile)
  AND (:handler IS NULL OR handler = :handler)
  AND (:urgent IS NULL OR urgent = :urgent)
  AND (:dueBefore IS NULL OR next_due < :dueBefore)
  AND (:createdFrom IS NULL OR created_at >= :createdFrom)
  AND (:createdTo IS NULL OR created_at < :createdTo)

-- name: queries.list
SELECT reference, profile, status, handler, urgent, call_started_at, created_at, updated_at, next_due,
       children_summary
FROM referrals
{{queries.filter}}
ORDER BY urgent DESC, next_due IS NULL, next_due, id
LIMIT :limit OFFSET :offset

-- name: queries.count
SELECT count(*)
FROM referrals
{{queries.filter}}

-- name: queries.search
SELECT r.reference, r.profile, r.status, r.handler, r.urgent, r.call_started_at, r.created_at, r.updated_at,
       r.next_due, r.children_summary
FROM (SELECT rowid FROM referral_search
      WHERE referral_search MATCH :query
        AND (:handler IS NULL OR rowid IN (SELECT id FROM referrals WHERE handler = :handler))
      ORDER BY rowid DESC LIMIT :limit) AS s
JOIN referrals AS r ON r.id = s.rowid
WHERE r.status <> 'discarded'
ORDER BY r.id DESC

-- name: queries.possibleMatches
-- Only the people who can score as a match (LIN-T3; the scores are ReferralQueries::possibleMatches'): both name keys
-- alike (either way round), or one alike and born within a month or on the same birthday, or a name part crossed and
-- the same date of birth. Each branch is one range of an index on (key, birth_year), so a common family name at a
-- million referrals costs its few years' rows, not all of them, and nothing is cut off by a limit (issue 21).
WITH candidates (referral_id, person_id) AS (
    SELECT referral_id, person_id FROM person_keys
    WHERE family_key = :family AND birth_year BETWEEN :lo AND :hi
      AND (given_key = :given OR birth_date BETWEEN :earliest AND :latest OR substr(birth_date, 6) = :monthDay)
    UNION
    SELECT referral_id, person_id FROM person_keys
    WHERE given_key = :given AND birth_year BETWEEN :lo AND :hi AND birth_date BETWEEN :earliest AND :latest
    UNION
    SELECT referral_id, person_id FROM person_keys
    WHERE family_key = :given AND birth_year BETWEEN :lo AND :hi AND (given_key = :family OR birth_date = :birth)
    UNION
    SELECT referral_id, person_id FROM person_keys
    WHERE given_key = :family AND birth_year BETWEEN :lo AND :hi AND birth_date = :birth
    UNION
    SELECT referral_id, person_id FROM person_keys
    WHERE family_key = :family AND birth_year IS NULL AND given_key = :given
)
SELECT p.person_id, p.kind, p.name, p.name_folded, p.given_key, p.family_key, p.birth_date, p.birth_year,
       r.reference, r.status, r.call_started_at
FROM candidates AS c
JOIN person_keys AS p ON p.referral_id = c.referral_id AND p.person_id = c.person_id
JOIN referrals AS r ON r.id = c.referral_id
WHERE (:exclude IS NULL OR r.reference <> :exclude)
  AND r.status <> 'discarded'
