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

-- The weeks' status changes are few beside a decade's referrals of one front door: said so (CROSS JOIN keeps the
-- trail first), SQLite reads them from audit_status_changes and looks each referral up, rather than walking every
-- referral of the profile.
-- name: dashboard.decisionTimes
SELECT r.call_started_at, a.at
FROM audit AS a CROSS JOIN referrals AS r
WHERE r.reference = a.reference AND a.kind = 'statusChanged' AND json_extract(a.payload, '$.to') = 'decided'
  AND likelihood(a.at >= :from, 0.01) AND r.profile = :profile
