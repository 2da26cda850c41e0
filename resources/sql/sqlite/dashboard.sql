-- The manager's Monday-morning figures (issue 7). Counts only: no names, no free text.

-- name: dashboard.contactsPerDay
SELECT substr(call_started_at, 1, 10) AS day, count(*)
FROM referrals
WHERE call_started_at >= :from AND profile = :profile AND status <> 'discarded'
GROUP BY day
ORDER BY day

-- name: dashboard.outcomes
SELECT json_extract(o.value, '$.outcome') AS outcome, count(*)
FROM referrals AS r, json_each(r.document, '$.outcomes') AS o
WHERE r.call_started_at >= :from AND r.profile = :profile
GROUP BY outcome
ORDER BY count(*) DESC

-- name: dashboard.overdueActions
SELECT a.kind, count(*)
FROM actions AS a JOIN referrals AS r ON r.id = a.referral_id
WHERE a.status = 'open' AND a.due < :now AND r.profile = :profile
GROUP BY a.kind
ORDER BY count(*) DESC

-- name: dashboard.decisionTimes
SELECT r.call_started_at, a.at
FROM audit AS a JOIN referrals AS r ON r.reference = a.reference
WHERE a.kind = 'statusChanged' AND a.kind <> 'fieldChanged' AND json_extract(a.payload, '$.to') = 'decided'
  AND a.at >= :from AND r.profile = :profile
