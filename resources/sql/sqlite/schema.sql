-- The SQLite dialect's schema, one migration per key. Each runs in one transaction with PRAGMA user_version set
-- to its number; a migration that fails rolls back whole. Never edit a released migration: add the next one.
-- Times are UTC ISO 8601 with milliseconds ('2026-11-24T10:55:00.000Z'), everywhere.

-- name: migrate.1
CREATE TABLE referrals (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    profile          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'decided', 'closed')),
    handler          TEXT NOT NULL,
    urgent           INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    call_started_at  TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    next_due         TEXT,
    children_summary TEXT NOT NULL DEFAULT '',
    revision         INTEGER NOT NULL,
    document         TEXT NOT NULL,           -- the referral's current state: referral JSON (schema v1)
    search_text      TEXT NOT NULL DEFAULT '', -- what the search index holds for it, to skip unchanged re-indexing
    pending_path     TEXT,                    -- a typing burst not yet written to the audit trail (see auditing)
    pending_from     TEXT,
    pending_by       TEXT,
    pending_at       TEXT
);
CREATE INDEX referrals_queue ON referrals (urgent DESC, next_due IS NULL, next_due, id);
CREATE INDEX referrals_status ON referrals (status, next_due);
CREATE INDEX referrals_handler ON referrals (handler, updated_at);
CREATE INDEX referrals_created ON referrals (created_at);
CREATE INDEX referrals_profile ON referrals (profile, created_at);
CREATE INDEX referrals_pending ON referrals (pending_by) WHERE pending_path IS NOT NULL;

CREATE TABLE reference_counters (
    prefix TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
) WITHOUT ROWID;

CREATE TABLE actions (
    referral_id  INTEGER NOT NULL REFERENCES referrals (id),
    action_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    due          TEXT,
    status       TEXT NOT NULL,
    PRIMARY KEY (referral_id, action_id)
) WITHOUT ROWID;
CREATE INDEX actions_due ON actions (status, due);

-- Keys for the known-child check, computed in C++ so that every dialect matches alike.
CREATE TABLE person_keys (
    referral_id INTEGER NOT NULL REFERENCES referrals (id),
    person_id   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('child', 'adult')),
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    given_key   TEXT NOT NULL,
    family_key  TEXT NOT NULL,
    birth_date  TEXT,
    birth_year  INTEGER,
    PRIMARY KEY (referral_id, person_id)
) WITHOUT ROWID;
CREATE INDEX person_keys_family ON person_keys (family_key, birth_year);
CREATE INDEX person_keys_given ON person_keys (given_key, birth_year);

-- Names, aliases, addresses, postcode, school, reference and dates of birth; rowid = referrals.id.
-- unicode61 with remove_diacritics 2 folds case and accents ("Zoe" finds "Zoë").
CREATE VIRTUAL TABLE referral_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

-- The audit trail: append-only and hash-chained. Sequence numbers come from the head row, not an identity
-- column, so they are gapless and two writers cannot fork the chain.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    reference TEXT,                 -- NULL for events not about one referral (sign-in, backup)
    user_id   TEXT NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    payload   TEXT NOT NULL,        -- compact JSON; field paths and values, never in a log
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_reference ON audit (reference, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- What changed, for views to refresh from (never personal data: a kind and a reference).
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL,
    reference TEXT,
    at        TEXT NOT NULL
);

-- One case is edited by one instance at a time: a lease with a holder, renewed by a heartbeat.
CREATE TABLE case_locks (
    reference   TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    workstation TEXT NOT NULL,
    instance    TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) WITHOUT ROWID;

-- name: migrate.2
-- Accounts (issue 5). Never deleted — the audit trail refers to them — only disabled.
CREATE TABLE users (
    id                  TEXT PRIMARY KEY,   -- the sign-in name, lower case
    display_name        TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('callHandler', 'supervisor', 'administrator')),
    password_hash       TEXT NOT NULL,      -- libsodium Argon2id string
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN
    SELECT RAISE(ABORT, 'accounts are disabled, never deleted');
END;
CREATE TABLE sign_in_failures (
    user_id TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX sign_in_failures_user ON sign_in_failures (user_id, at);

-- name: migrate.3
-- Account changes carry the account's state in the trail (issue 17); the verifier and the anchors find events by
-- kind. The C++ side of this step (Store) records every existing account's state in one event.
CREATE INDEX audit_kind ON audit (kind, seq);

-- name: migrate.4
-- A call started by mistake can be discarded (issue 18): 'discarded' joins the statuses. SQLite cannot change a
-- CHECK in place, so the table is rebuilt with the same columns and ids (the search index's rowids stay right).
-- Database::migrate runs every step with foreign keys off and checks them all before the step commits.
CREATE TABLE referrals_rebuilt (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    profile          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'decided', 'closed', 'discarded')),
    handler          TEXT NOT NULL,
    urgent           INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    call_started_at  TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    next_due         TEXT,
    children_summary TEXT NOT NULL DEFAULT '',
    revision         INTEGER NOT NULL,
    document         TEXT NOT NULL,
    search_text      TEXT NOT NULL DEFAULT '',
    pending_path     TEXT,
    pending_from     TEXT,
    pending_by       TEXT,
    pending_at       TEXT
);
INSERT INTO referrals_rebuilt SELECT * FROM referrals;
DROP TABLE referrals;
ALTER TABLE referrals_rebuilt RENAME TO referrals;
CREATE INDEX referrals_queue ON referrals (urgent DESC, next_due IS NULL, next_due, id);
CREATE INDEX referrals_status ON referrals (status, next_due);
CREATE INDEX referrals_handler ON referrals (handler, updated_at);
CREATE INDEX referrals_created ON referrals (created_at);
CREATE INDEX referrals_profile ON referrals (profile, created_at);
CREATE INDEX referrals_pending ON referrals (pending_by) WHERE pending_path IS NOT NULL;

-- name: migrate.5
-- Issue 21: the search index holds each referral's words folded as the server's does (ReferralIndex::indexedBody),
-- so "oyra" finds Øyra on SQLite too. The C++ side of this step (SearchMigration) writes every entry again from the
-- referral's search text.
DELETE FROM referral_search;

-- name: migrate.6
-- Issue 21: a county's decade on one file. Each referral's document is kept as compact JSON (indented, nearly half of
-- it was spaces), and the trail's by-kind index leaves out the field changes (nearly all of the trail), which no
-- query looks up by kind: the queries that use it say "kind <> 'fieldChanged'".
UPDATE referrals SET document = json(document);
DROP INDEX audit_kind;
CREATE INDEX audit_kind ON audit (kind, seq) WHERE kind <> 'fieldChanged';

-- name: migrate.7
-- Issue 21: the trail without what it held twice. Each event's hash is kept as its 32 bytes (it was 64 hex
-- characters), and the hash of the event before it is no longer stored beside it: the chain's order is its seq, so
-- the queries read it from the event before (audit.since, audit.forReferral), and every event's own hash still covers
-- it. SQLite cannot change a column in place: the table is rebuilt with the same events, its indexes and its
-- append-only triggers. unhex() is Front Door's (Database::open; SQLite's own came in 3.41).
CREATE TABLE audit_compact (
    seq       INTEGER PRIMARY KEY,
    reference TEXT,
    user_id   TEXT NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
);
INSERT INTO audit_compact (seq, reference, user_id, at, kind, payload, hash)
SELECT seq, reference, user_id, at, kind, payload, unhex(hash) FROM audit ORDER BY seq;
DROP TABLE audit;
ALTER TABLE audit_compact RENAME TO audit;
CREATE INDEX audit_reference ON audit (reference, seq);
CREATE INDEX audit_kind ON audit (kind, seq) WHERE kind <> 'fieldChanged';
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- name: migrate.8
-- Issue 21: the known-child check's indexes hold what its query asks of each person — the other name key and the
-- date of birth — so a common family name's rows at a million referrals are read from the index alone, not looked
-- up one by one (the worst name at 100,000 referrals: 22–35 ms before, 1.3 ms after).
DROP INDEX person_keys_family;
CREATE INDEX person_keys_family ON person_keys (family_key, birth_year, given_key, birth_date);
DROP INDEX person_keys_given;
CREATE INDEX person_keys_given ON person_keys (given_key, birth_year, family_key, birth_date);

-- name: migrate.9
-- Issue 21: the home screen at a million referrals. Its lists and counts name a handler, a status, a due time or
-- urgency; each now has an index that starts with what it asks, so none of them walks the whole queue: a
-- call-handler's drafts (handler, status, profile), their calls of the week (handler, created_at — not updated_at,
-- which every save changed), the overdue count (next_due, only referrals with an open action), the urgent count
-- (urgent referrals only). At a million referrals the window took 26 s to show after sign-in. The dashboard's figures
-- for the last weeks read the referrals started since (profile, call_started_at) and the decisions made since (the
-- trail's status changes by time), not every referral and every status change ever.
DROP INDEX referrals_handler;
CREATE INDEX referrals_handler ON referrals (handler, created_at);
CREATE INDEX referrals_handler_status ON referrals (handler, status, profile);
CREATE INDEX referrals_due ON referrals (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX referrals_urgent ON referrals (urgent, status) WHERE urgent = 1;
CREATE INDEX referrals_started ON referrals (profile, call_started_at);
CREATE INDEX audit_status_changes ON audit (at) WHERE kind = 'statusChanged';

-- name: migrate.10
-- Issue 21: the change feed numbered without AUTOINCREMENT. AUTOINCREMENT keeps its last number in sqlite_sequence,
-- one more page written by every save (one of eight while typing a name). The numbers still only go up: a new event
-- takes the highest number + 1, and events.prune always keeps the newest event. A feed pruned empty keeps its last
-- number in one marker event, so a window that has seen it waits for the next.
CREATE TABLE events_numbered (
    seq       INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    reference TEXT,
    at        TEXT NOT NULL
);
INSERT INTO events_numbered (seq, kind, reference, at) SELECT seq, kind, reference, at FROM events;
INSERT INTO events_numbered (seq, kind, reference, at)
SELECT seq, 'renumbered', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM sqlite_sequence WHERE name = 'events' AND NOT EXISTS (SELECT 1 FROM events);
DROP TABLE events;
ALTER TABLE events_numbered RENAME TO events;
