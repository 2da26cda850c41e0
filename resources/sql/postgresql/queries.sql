-- Finding referrals on the server (see core/store/referralqueries.h): the same filters and order as SQLite. Search
-- takes a tsquery built by ReferralQueries::searchExpression for this dialect; the known-child check is the
-- server's function frontdoor.possible_matches (a call-handler sees the check's columns, not the referrals).

-- The queue's list and count: pieces put together as on SQLite (see its queries.sql), only the filters set.
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

-- Urgency as a constant, not a value bound, so the planner may read the urgent referrals' own index (referrals_urgent).
-- name: queries.and.urgent
AND urgent = 1

-- name: queries.and.notUrgent
AND urgent = 0

-- Still waiting for a decision (drafts and submitted): with urgent = 1, two ranges of referrals_urgent.
-- name: queries.and.undecided
AND status IN ('draft', 'submitted')

-- name: queries.and.dueBefore
AND next_due < :dueBefore

-- name: queries.and.createdFrom
AND created_at >= :createdFrom

-- name: queries.and.createdTo
AND created_at < :createdTo

-- name: queries.list.order
ORDER BY urgent DESC, next_due IS NULL, next_due, id
LIMIT :limit OFFSET :offset

-- name: queries.search
-- The newest referrals that match, newest first. The planner cannot see the words sought (to_tsquery is STABLE), so
-- on its own it walked the referrals backwards testing each one: instant for a common name, the whole table for a
-- rare one or a reference (50 ms at 100,000 on a synthetic copy; bench_store --server's search p95 75 ms). So the
-- newest 2,000 are walked first; only when they hold fewer than :limit matches does the words index find every match
-- (few, or the window would have held them), each then looked up by its id: joined, the planner guessed 500 matches
-- and read the whole referrals table for them (search p50 22 ms). The answer is the same either way. The window bounds
-- both tables: the plan kept for the statement after its fifth run (generic, the words unknown) may walk the search
-- entries instead, and no bound on the referrals' ids reaches them (PostgreSQL carries equalities across a join, not
-- ranges): with statistics it tested all 20,000 for a reference (43 ms), where 2,000 take 4.
WITH recent AS MATERIALIZED (
    SELECT r.id
    FROM referrals AS r JOIN referral_search AS s ON s.referral_id = r.id
    WHERE r.id > (SELECT coalesce(max(id), 0) - 2000 FROM referrals)
      AND s.referral_id > (SELECT coalesce(max(id), 0) - 2000 FROM referrals)
      AND s.words @@ to_tsquery('frontdoor.names', CAST(:query AS text))
      AND (CAST(:handler AS text) IS NULL OR r.handler = :handler)
      AND r.status <> 'discarded'
    ORDER BY r.id DESC
    LIMIT :limit
), found AS (
    SELECT id FROM recent WHERE (SELECT count(*) FROM recent) >= :limit
    UNION ALL
    SELECT r.id
    FROM referrals AS r
    WHERE (SELECT count(*) FROM recent) < :limit
      AND r.id = ANY (ARRAY(SELECT referral_id FROM referral_search
                            WHERE words @@ to_tsquery('frontdoor.names', CAST(:query AS text))))
      AND (CAST(:handler AS text) IS NULL OR r.handler = :handler)
      AND r.status <> 'discarded'
)
SELECT r.reference, r.profile, r.status, r.handler, r.urgent, r.call_started_at, r.created_at, r.updated_at,
       r.next_due, r.children_summary
FROM found JOIN referrals AS r ON r.id = found.id
ORDER BY r.id DESC
LIMIT :limit

-- name: queries.possibleMatches
SELECT person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year, reference, status,
       call_started_at
FROM possible_matches(CAST(:family AS text), CAST(:given AS text), CAST(:lo AS integer), CAST(:hi AS integer),
                      CAST(:birth AS text), CAST(:earliest AS text), CAST(:latest AS text), CAST(:monthDay AS text),
                      CAST(:exclude AS text))
