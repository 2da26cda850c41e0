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
SELECT p.person_id, p.kind, p.name, p.name_folded, p.given_key, p.family_key, p.birth_date, p.birth_year,
       r.reference, r.status, r.call_started_at
FROM person_keys AS p JOIN referrals AS r ON r.id = p.referral_id
WHERE (p.family_key = :family OR p.given_key = :given OR p.family_key = :given OR p.given_key = :family)
  AND (:year IS NULL OR p.birth_year IS NULL OR p.birth_year BETWEEN :year - 3 AND :year + 3)
  AND (:exclude IS NULL OR r.reference <> :exclude)
  AND r.status <> 'discarded'
LIMIT 5000
