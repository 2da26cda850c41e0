-- Finding referrals: the queue, search, the known-child check (see core/store/referralqueries.h).
-- An absent filter is bound as NULL. The queue's order (urgent first, then next due, undated last) is exactly
-- the expression index referrals_queue, so the first page is read from the index, not sorted.
-- Search returns the newest matches first: FTS5 walks its rowids downwards and stops at the limit.

-- The queue's list and count are put together from pieces (Database::exec with a list of keys): the select, one
-- WHERE piece, an AND piece for each filter that is set, then the order. A filter left out is not in the statement at
-- all, so SQLite can read the index its filters name (a call-handler's drafts from referrals_handler_status, the
-- overdue count from referrals_due) instead of walking the whole queue to test every row (issue 21: the home screen
-- at a million referrals took 26 s when every filter was "(:x IS NULL OR col = :x)").
-- name: queries.list.select
SELECT reference, profile, status, handler, urgent, call_started_at, created_at, updated_at, next_due,
       children_summary
FROM referrals

-- name: queries.count.select
SELECT count(*)
FROM referrals

-- A call started by mistake is in no list unless asked for.
-- name: queries.where.listed
WHERE status <> 'discarded'

-- name: queries.where.status
WHERE status = :status

-- name: queries.and.profile
AND profile = :profile

-- name: queries.and.handler
AND handler = :handler

-- Urgency as a constant, not a value bound, so SQLite may read the urgent referrals' own index (referrals_urgent).
-- name: queries.and.urgent
AND urgent = 1

-- name: queries.and.notUrgent
AND urgent = 0

-- Still waiting for a decision (drafts and submitted): with urgent = 1, two ranges of referrals_urgent.
-- name: queries.and.undecided
AND status IN ('draft', 'submitted')

-- Overdue referrals are few (each is a supervisor's to chase): said so, SQLite reads them from referrals_due and sorts
-- them, rather than walking the whole queue in its order to find them.
-- name: queries.and.dueBefore
AND likelihood(next_due < :dueBefore, 0.001)

-- name: queries.and.createdFrom
AND created_at >= :createdFrom

-- name: queries.and.createdTo
AND created_at < :createdTo

-- name: queries.list.order
ORDER BY urgent DESC, next_due IS NULL, next_due, id
LIMIT :limit OFFSET :offset

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
