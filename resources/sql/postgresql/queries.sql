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
-- The newest referrals that match, newest first: frontdoor.search_referrals (schema step 10), planned at each call
-- with the words in view. How it finds them — the newest 2,000 walked first, the words index only when they hold
-- fewer than :limit matches — is said there and in step 10's history.
SELECT reference, profile, status, handler, urgent, call_started_at, created_at, updated_at, next_due,
       children_summary
FROM search_referrals(CAST(:query AS text), CAST(:handler AS text), CAST(:limit AS integer))

-- name: queries.possibleMatches
SELECT person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year, reference, status,
       call_started_at
FROM possible_matches(CAST(:family AS text), CAST(:given AS text), CAST(:lo AS integer), CAST(:hi AS integer),
                      CAST(:birth AS text), CAST(:earliest AS text), CAST(:latest AS text), CAST(:monthDay AS text),
                      CAST(:exclude AS text))
