-- Finding referrals on the server (see core/store/referralqueries.h): the same filters and order as SQLite. Search
-- takes a tsquery built by ReferralQueries::searchExpression for this dialect; the known-child check is the
-- server's function frontdoor.possible_matches (a call-handler sees the check's columns, not the referrals).

-- name: queries.filter
WHERE (CAST(:status AS text) IS NULL OR status = :status)
  AND (:status = 'discarded' OR status <> 'discarded')
  AND (CAST(:profile AS text) IS NULL OR profile = :profile)
  AND (CAST(:handler AS text) IS NULL OR handler = :handler)
  AND (CAST(:urgent AS integer) IS NULL OR urgent = :urgent)
  AND (CAST(:dueBefore AS text) IS NULL OR next_due < :dueBefore)
  AND (CAST(:createdFrom AS text) IS NULL OR created_at >= :createdFrom)
  AND (CAST(:createdTo AS text) IS NULL OR created_at < :createdTo)

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
FROM referral_search AS s JOIN referrals AS r ON r.id = s.referral_id
WHERE s.words @@ to_tsquery('frontdoor.names', CAST(:query AS text))
  AND (CAST(:handler AS text) IS NULL OR r.handler = :handler)
  AND r.status <> 'discarded'
ORDER BY r.id DESC
LIMIT :limit

-- name: queries.possibleMatches
SELECT person_id, kind, name, name_folded, given_key, family_key, birth_date, birth_year, reference, status,
       call_started_at
FROM possible_matches(CAST(:family AS text), CAST(:given AS text), CAST(:lo AS integer), CAST(:hi AS integer),
                      CAST(:birth AS text), CAST(:earliest AS text), CAST(:latest AS text), CAST(:monthDay AS text),
                      CAST(:exclude AS text))
