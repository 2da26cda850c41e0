-- Team mode (issue 19): one PostgreSQL 15 database for a whole front door. `frontdoor server init` runs
-- server.prepare, then every migrate.N in order, each in one transaction, as the database administrator;
-- `frontdoor server migrate` runs the steps not yet applied. Never edit a released step: add the next one.
--
-- Who may do what is enforced here as well as in core/access/permissions (the same matrix):
--   frontdoor_owner           owns every object; nobody signs in as it. Security-definer functions run as it.
--   frontdoor_call_handler    creates referrals, reads and edits their own drafts (row-level security)
--   frontdoor_supervisor      reads and edits every referral, decides, verifies the audit trail
--   frontdoor_administrator   manages accounts through functions; reads no case content
-- Every Front Door account is a PostgreSQL login role of the same name (ids are [a-z0-9._-]: never one of the
-- group roles above, which hold '_'), a member of one group role, authenticated by the server (SCRAM-SHA-256).
-- The audit trail is appended only through frontdoor.audit_append, which holds the chain head and computes the hash
-- on the server with the canonical encoding of core/store/audittrail.cpp; staff roles have no INSERT, UPDATE,
-- DELETE or TRUNCATE on it, and triggers refuse UPDATE, DELETE and TRUNCATE even to its owner.
-- Times are UTC ISO 8601 text with milliseconds, as in the SQLite dialect, so both hash alike.

-- name: server.prepare
-- Roles are cluster-wide; each is created only if missing, so a second database (training) shares them. Two inits
-- at once (a second database, the tests' parallel runs) can both find a role missing: the later CREATE then waits for
-- the earlier and fails on its row (unique_violation), having wanted just that role.
DO $$
BEGIN
    BEGIN
        CREATE ROLE frontdoor_owner NOLOGIN CREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE frontdoor_staff NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE frontdoor_call_handler NOLOGIN IN ROLE frontdoor_staff;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE frontdoor_supervisor NOLOGIN IN ROLE frontdoor_staff;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE frontdoor_administrator NOLOGIN IN ROLE frontdoor_staff;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
END
$$;
-- The owner ends the sessions of an account being disabled, and the administrator running init sets objects up as it.
-- Granted only when missing: two inits at once (a second database, or the tests' parallel runs) granting the same
-- membership fail with "tuple concurrently updated", or, the later one having waited, on the membership's row.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_auth_members AS m JOIN pg_roles AS r ON r.oid = m.roleid
                   JOIN pg_roles AS u ON u.oid = m.member
                   WHERE r.rolname = 'pg_signal_backend' AND u.rolname = 'frontdoor_owner') THEN
        BEGIN
            GRANT pg_signal_backend TO frontdoor_owner;
        EXCEPTION WHEN unique_violation THEN NULL; -- granted by another init this instant
        END;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_auth_members AS m JOIN pg_roles AS r ON r.oid = m.roleid
                   JOIN pg_roles AS u ON u.oid = m.member
                   WHERE r.rolname = 'frontdoor_owner' AND u.rolname = current_user) THEN
        BEGIN
            GRANT frontdoor_owner TO CURRENT_USER;
        EXCEPTION WHEN unique_violation THEN NULL;
        END;
    END IF;
END
$$;
-- Only Front Door's people connect to this database (a new database lets every role of the cluster connect).
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO frontdoor_staff', current_database());
END
$$;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE SCHEMA IF NOT EXISTS frontdoor AUTHORIZATION frontdoor_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO frontdoor_owner; -- digest, unaccent
REVOKE ALL ON SCHEMA frontdoor FROM PUBLIC;
GRANT USAGE ON SCHEMA frontdoor TO frontdoor_staff;
CREATE TABLE IF NOT EXISTS frontdoor.schema_version (
    id      integer PRIMARY KEY CHECK (id = 1),
    version integer NOT NULL
);
INSERT INTO frontdoor.schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
ALTER TABLE frontdoor.schema_version OWNER TO frontdoor_owner;
GRANT SELECT ON frontdoor.schema_version TO frontdoor_staff;

-- name: server.hasSchema
SELECT to_regclass('frontdoor.schema_version') IS NOT NULL

-- name: server.version
SELECT version FROM frontdoor.schema_version WHERE id = 1

-- name: server.setVersion
UPDATE frontdoor.schema_version SET version = :version WHERE id = 1

-- name: migrate.1
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;

CREATE TABLE referrals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference        text NOT NULL UNIQUE,
    profile          text NOT NULL,
    status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'decided', 'closed', 'discarded')),
    handler          text NOT NULL,
    urgent           integer NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    call_started_at  text NOT NULL,
    created_at       text NOT NULL,
    updated_at       text NOT NULL,
    updated_by       text NOT NULL,
    next_due         text,
    children_summary text NOT NULL DEFAULT '',
    revision         integer NOT NULL,
    document         text NOT NULL,
    search_text      text NOT NULL DEFAULT '',
    pending_path     text,
    pending_from     text,
    pending_by       text,
    pending_at       text
);
CREATE INDEX referrals_queue ON referrals (urgent DESC, (next_due IS NULL), next_due, id);
CREATE INDEX referrals_status ON referrals (status, next_due);
CREATE INDEX referrals_handler ON referrals (handler, updated_at);
CREATE INDEX referrals_created ON referrals (created_at);
CREATE INDEX referrals_profile ON referrals (profile, created_at);

CREATE TABLE reference_counters (
    prefix text NOT NULL,
    year   integer NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE actions (
    referral_id  bigint NOT NULL REFERENCES referrals (id),
    action_id    text NOT NULL,
    kind         text NOT NULL,
    procedure_id text NOT NULL,
    due          text,
    status       text NOT NULL,
    PRIMARY KEY (referral_id, action_id)
);
CREATE INDEX actions_due ON actions (status, due);

CREATE TABLE person_keys (
    referral_id bigint NOT NULL REFERENCES referrals (id),
    person_id   text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('child', 'adult')),
    name        text NOT NULL,
    name_folded text NOT NULL,
    given_key   text NOT NULL,
    family_key  text NOT NULL,
    birth_date  text,
    birth_year  integer,
    PRIMARY KEY (referral_id, person_id)
);
CREATE INDEX person_keys_family ON person_keys (family_key, birth_year);
CREATE INDEX person_keys_given ON person_keys (given_key, birth_year);

-- Search: the same body the SQLite dialect gives FTS5, and its words as the workstation splits them the way SQLite's
-- unicode61 tokenizer does (ReferralIndex::searchWords), so both dialects index the same words; unaccent and 'simple'
-- fold accents and case again on the server's side (a query typed in psql finds what Front Door finds).
CREATE TEXT SEARCH CONFIGURATION names (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION names ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword,
    hword_asciipart WITH public.unaccent, simple;
CREATE TABLE referral_search (
    referral_id bigint PRIMARY KEY REFERENCES referrals (id),
    body        text NOT NULL,
    words       tsvector NOT NULL
);
-- No pending list (fastupdate off): each save's words go into the index itself, so a search never reads a list of
-- recent entries one by one — with it, bench_store --server measured search p95 at 117 ms on 5,000 referrals until a
-- VACUUM merged the list, and under 1 ms after.
CREATE INDEX referral_search_words ON referral_search USING gin (words) WITH (fastupdate = off);

CREATE TABLE audit (
    seq       bigint PRIMARY KEY,
    reference text,
    user_id   text NOT NULL,
    at        text NOT NULL,
    kind      text NOT NULL,
    payload   text NOT NULL,        -- the client's compact JSON, byte for byte: the hash covers these bytes
    prev_hash text NOT NULL,
    hash      text NOT NULL
);
CREATE INDEX audit_reference ON audit (reference, seq);
CREATE INDEX audit_kind ON audit (kind, seq);
CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change();

-- A standalone workstation's trail brought in whole (frontdoor server import-database): its events byte for byte,
-- so its own chain still verifies from its genesis to the head the import verified; the server's chain records the
-- import itself. Written only by the database administrator's import; read by supervisors; never changed.
CREATE TABLE imported_history (
    source_head text NOT NULL,      -- the head hash of the file's verified trail: which file this was
    seq         bigint NOT NULL,
    reference   text,
    user_id     text NOT NULL,
    at          text NOT NULL,
    kind        text NOT NULL,
    payload     text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    PRIMARY KEY (source_head, seq)
);
CREATE INDEX imported_history_reference ON imported_history (reference, seq);
CREATE TRIGGER imported_history_no_update BEFORE UPDATE OR DELETE ON imported_history FOR EACH ROW
    EXECUTE FUNCTION refuse_change();
CREATE TRIGGER imported_history_no_truncate BEFORE TRUNCATE ON imported_history FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change();

CREATE TABLE events (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      text NOT NULL,
    reference text,
    at        text NOT NULL
);

-- Every change is announced to the desks listening (ChangeFeed): its number only, never what changed in a case.
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM pg_notify('frontdoor_changes', NEW.seq::text);
    RETURN NULL;
END
$fn$;
CREATE TRIGGER events_announce AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION announce_change();

CREATE TABLE case_locks (
    reference   text PRIMARY KEY,
    holder      text NOT NULL,
    workstation text NOT NULL,
    instance    text NOT NULL,
    acquired_at text NOT NULL,
    expires_at  text NOT NULL
);

-- Accounts: one row per login role, for display names and the trail; the password is the server's (SCRAM).
CREATE TABLE users (
    id                  text PRIMARY KEY,
    display_name        text NOT NULL,
    role                text NOT NULL CHECK (role IN ('callHandler', 'supervisor', 'administrator')),
    disabled            integer NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          text NOT NULL,
    created_by          text NOT NULL,
    password_changed_at text NOT NULL
);
CREATE TRIGGER users_no_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The audit chain's canonical encoding: each field as "<UTF-8 byte length>:<bytes>;" (AuditTrail::hashOf).
CREATE FUNCTION chain_field(field text) RETURNS bytea IMMUTABLE STRICT LANGUAGE sql AS $fn$
    SELECT convert_to(octet_length(convert_to(field, 'UTF8'))::text || ':', 'UTF8') || convert_to(field, 'UTF8')
           || '\x3b'::bytea
$fn$;
CREATE FUNCTION chain_hash(p_seq bigint, p_reference text, p_user text, p_at text, p_kind text, p_payload text,
                           p_previous text) RETURNS text IMMUTABLE LANGUAGE sql
    SET search_path = frontdoor, pg_temp AS $fn$
    SELECT encode(public.digest(chain_field(p_seq::text) || chain_field(coalesce(p_reference, ''))
                                || chain_field(p_user) || chain_field(p_at) || chain_field(p_kind)
                                || chain_field(p_payload) || chain_field(p_previous), 'sha256'), 'hex')
$fn$;

-- The only way into the trail. The client says which link it expects to add (sequence and previous hash, from the
-- head it read); the server refuses any other, computes the hash itself, and records the event under the person
-- signed in to this connection — never under a name the client gives.
CREATE FUNCTION audit_append(p_seq bigint, p_reference text, p_user text, p_at text, p_kind text, p_payload text,
                             p_previous text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    head_seq  bigint;
    head_hash text;
    new_hash  text;
BEGIN
    IF p_user IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'an event is recorded under the person signed in (%), not %', session_user, p_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_at !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$' THEN
        RAISE EXCEPTION 'an event time must be UTC ISO 8601 with milliseconds' USING ERRCODE = 'check_violation';
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
    IF p_seq IS DISTINCT FROM head_seq + 1 OR p_previous IS DISTINCT FROM head_hash THEN
        RAISE EXCEPTION 'the audit trail moved while writing' USING ERRCODE = 'serialization_failure';
    END IF;
    new_hash := chain_hash(p_seq, p_reference, p_user, p_at, p_kind, p_payload, head_hash);
    INSERT INTO audit (seq, reference, user_id, at, kind, payload, prev_hash, hash)
    VALUES (p_seq, nullif(p_reference, ''), p_user, p_at, p_kind, p_payload, head_hash, new_hash);
    UPDATE audit_head SET seq = p_seq, hash = new_hash WHERE id = 1;
    RETURN new_hash;
END
$fn$;

-- The head, locked until the transaction ends: SQLite's BEGIN IMMEDIATE makes one writer at a time; on the server
-- the head is the one point every writer passes, so two desks' events never race for the same link.
CREATE FUNCTION audit_head_locked() RETURNS TABLE (seq bigint, hash text) LANGUAGE sql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
    SELECT h.seq, h.hash FROM audit_head AS h WHERE h.id = 1 FOR UPDATE
$fn$;

-- A case's lease read under a lock on the case's name until the transaction ends, so two desks deciding whether
-- they may take the same case decide one after the other (a lease row may not exist yet to lock).
CREATE FUNCTION case_lease(p_reference text)
    RETURNS TABLE (holder text, workstation text, instance text, acquired_at text, expires_at text)
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('frontdoor.case:' || p_reference, 0));
    RETURN QUERY SELECT c.holder, c.workstation, c.instance, c.acquired_at, c.expires_at
                 FROM case_locks AS c WHERE c.reference = p_reference;
END
$fn$;

-- The known-child check shows a call-handler who else was referred under a like name (name, reference, status, call
-- time), never the rest of another person's referral: so it is a function, not a grant on person_keys.
CREATE FUNCTION possible_matches(p_family text, p_given text, p_year integer, p_exclude text)
    RETURNS TABLE (person_id text, kind text, name text, name_folded text, given_key text, family_key text,
                   birth_date text, birth_year integer, reference text, status text, call_started_at text)
    STABLE LANGUAGE sql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
    SELECT p.person_id, p.kind, p.name, p.name_folded, p.given_key, p.family_key, p.birth_date, p.birth_year,
           r.reference, r.status, r.call_started_at
    FROM person_keys AS p JOIN referrals AS r ON r.id = p.referral_id
    WHERE (p.family_key = p_family OR p.given_key = p_given OR p.family_key = p_given OR p.given_key = p_family)
      AND (p_year IS NULL OR p.birth_year IS NULL OR p.birth_year BETWEEN p_year - 3 AND p_year + 3)
      AND (p_exclude IS NULL OR r.reference <> p_exclude)
      AND r.status <> 'discarded'
      AND pg_has_role(session_user, 'frontdoor_staff', 'MEMBER')
      AND NOT pg_has_role(session_user, 'frontdoor_administrator', 'MEMBER')
    LIMIT 5000
$fn$;

-- The chain alone, for an administrator (who reads no case content) to prove the trail unbroken: the first event
-- whose link or hash is wrong, or NULL.
CREATE FUNCTION first_broken_link() RETURNS bigint STABLE LANGUAGE sql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
    SELECT min(seq) FROM (
        SELECT seq, prev_hash, hash, lag(hash, 1, repeat('0', 64)) OVER (ORDER BY seq) AS expected_previous,
               lag(seq, 1, 0::bigint) OVER (ORDER BY seq) AS previous_seq,
               chain_hash(seq, reference, user_id, at, kind, payload, prev_hash) AS recomputed
        FROM audit) AS links
    WHERE prev_hash <> expected_previous OR hash <> recomputed OR seq <> previous_seq + 1
$fn$;

-- Accounts (administrators only): each a login role in one group role, created, disabled, enabled and given a new
-- password here. A password may be given as a SCRAM-SHA-256 verifier, which the server stores as it is.
CREATE FUNCTION require_administrator() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
BEGIN
    IF NOT pg_has_role(session_user, 'frontdoor_administrator', 'MEMBER')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION 'only an administrator manages accounts' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$fn$;
CREATE FUNCTION group_of(p_role text) RETURNS text IMMUTABLE LANGUAGE sql AS $fn$
    SELECT CASE p_role WHEN 'callHandler' THEN 'frontdoor_call_handler' WHEN 'supervisor' THEN 'frontdoor_supervisor'
                       WHEN 'administrator' THEN 'frontdoor_administrator' END
$fn$;
CREATE FUNCTION account_add(p_id text, p_name text, p_role text, p_password text, p_at text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
BEGIN
    PERFORM require_administrator();
    IF p_id !~ '^[a-z0-9][a-z0-9._-]{1,39}$' THEN
        RAISE EXCEPTION 'a sign-in name is 2 to 40 lower-case letters, digits, dots, dashes' USING ERRCODE = 'check_violation';
    END IF;
    IF group_of(p_role) IS NULL THEN
        RAISE EXCEPTION 'no such role: %', p_role USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_id) THEN
        RAISE EXCEPTION 'the name % is taken on this server', p_id USING ERRCODE = 'unique_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_id, p_password, group_of(p_role));
    INSERT INTO users (id, display_name, role, disabled, created_at, created_by, password_changed_at)
    VALUES (p_id, p_name, p_role, 0, p_at, session_user, p_at);
END
$fn$;
CREATE FUNCTION account_set_disabled(p_id text, p_disabled boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
BEGIN
    PERFORM require_administrator();
    IF NOT EXISTS (SELECT FROM users WHERE id = p_id) THEN
        RAISE EXCEPTION 'no account %', p_id USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', p_id, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    UPDATE users SET disabled = CASE WHEN p_disabled THEN 1 ELSE 0 END WHERE id = p_id;
    IF p_disabled THEN -- a disabled person's open connections end now, not when they next sign in
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = p_id AND pid <> pg_backend_pid();
    END IF;
END
$fn$;
CREATE FUNCTION account_set_password(p_id text, p_password text, p_at text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
BEGIN
    IF p_id IS DISTINCT FROM session_user::text THEN
        PERFORM require_administrator();
    END IF;
    IF NOT EXISTS (SELECT FROM users WHERE id = p_id) THEN
        RAISE EXCEPTION 'no account %', p_id USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_id, p_password);
    UPDATE users SET password_changed_at = p_at WHERE id = p_id;
END
$fn$;

-- Grants. Nothing reaches PUBLIC; staff reach what their group is given, rows as row-level security allows.
REVOKE ALL ON ALL TABLES IN SCHEMA frontdoor FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA frontdoor FROM PUBLIC;
GRANT SELECT ON users, audit_head, events TO frontdoor_staff;
GRANT INSERT ON events TO frontdoor_call_handler, frontdoor_supervisor;
GRANT SELECT ON audit TO frontdoor_call_handler, frontdoor_supervisor;
GRANT SELECT ON imported_history TO frontdoor_supervisor;
GRANT EXECUTE ON FUNCTION audit_append(bigint, text, text, text, text, text, text), audit_head_locked()
    TO frontdoor_staff;
GRANT EXECUTE ON FUNCTION case_lease(text) TO frontdoor_call_handler, frontdoor_supervisor;
GRANT EXECUTE ON FUNCTION first_broken_link() TO frontdoor_supervisor, frontdoor_administrator;
GRANT EXECUTE ON FUNCTION possible_matches(text, text, integer, text) TO frontdoor_call_handler,
    frontdoor_supervisor;
GRANT EXECUTE ON FUNCTION require_administrator(), account_add(text, text, text, text, text),
    account_set_disabled(text, boolean) TO frontdoor_administrator;
GRANT EXECUTE ON FUNCTION account_set_password(text, text, text) TO frontdoor_staff;
GRANT SELECT, INSERT, UPDATE ON referrals TO frontdoor_call_handler, frontdoor_supervisor;
GRANT SELECT, INSERT, UPDATE ON reference_counters TO frontdoor_call_handler, frontdoor_supervisor;
GRANT SELECT, INSERT, UPDATE, DELETE ON actions, person_keys, referral_search, case_locks
    TO frontdoor_call_handler, frontdoor_supervisor;

-- Row-level security: a call-handler's rows are their own referrals, editable while a draft (EditOwnDraft,
-- SubmitOwnReferral); a supervisor's, every row (ViewAnyReferral, AmendSubmitted, RecordDecision).
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY supervisor_all ON referrals TO frontdoor_supervisor USING (true) WITH CHECK (true);
CREATE POLICY handler_reads_own ON referrals FOR SELECT TO frontdoor_call_handler
    USING (handler = session_user::text);
CREATE POLICY handler_creates_own ON referrals FOR INSERT TO frontdoor_call_handler
    WITH CHECK (handler = session_user::text AND status = 'draft');
CREATE POLICY handler_edits_own_draft ON referrals FOR UPDATE TO frontdoor_call_handler
    USING (handler = session_user::text AND status = 'draft')
    WITH CHECK (handler = session_user::text AND status IN ('draft', 'submitted', 'discarded'));

CREATE FUNCTION is_own_referral(p_id bigint) RETURNS boolean STABLE LANGUAGE sql
    SET search_path = frontdoor, pg_temp AS $fn$
    SELECT EXISTS (SELECT FROM referrals WHERE id = p_id AND handler = session_user::text)
$fn$;
GRANT EXECUTE ON FUNCTION is_own_referral(bigint) TO frontdoor_call_handler, frontdoor_supervisor;
ALTER TABLE actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_search ENABLE ROW LEVEL SECURITY;
CREATE POLICY supervisor_all ON actions TO frontdoor_supervisor USING (true) WITH CHECK (true);
CREATE POLICY supervisor_all ON person_keys TO frontdoor_supervisor USING (true) WITH CHECK (true);
CREATE POLICY supervisor_all ON referral_search TO frontdoor_supervisor USING (true) WITH CHECK (true);
CREATE POLICY handler_own ON actions TO frontdoor_call_handler
    USING (is_own_referral(referral_id)) WITH CHECK (is_own_referral(referral_id));
CREATE POLICY handler_own ON person_keys TO frontdoor_call_handler
    USING (is_own_referral(referral_id)) WITH CHECK (is_own_referral(referral_id));
CREATE POLICY handler_own ON referral_search TO frontdoor_call_handler
    USING (is_own_referral(referral_id)) WITH CHECK (is_own_referral(referral_id));

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY supervisor_reads ON audit FOR SELECT TO frontdoor_supervisor USING (true);
CREATE POLICY handler_reads_own ON audit FOR SELECT TO frontdoor_call_handler
    USING (user_id = session_user::text
           OR reference IN (SELECT reference FROM referrals WHERE handler = session_user::text));

-- A lease names who holds a case, never what is in it: every member of staff may see and take one.
ALTER TABLE case_locks ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_all ON case_locks TO frontdoor_call_handler, frontdoor_supervisor USING (true)
    WITH CHECK (holder = session_user::text);

-- name: migrate.2
-- A save in fewer round trips (issue 19: ~10 of them made a save at 30 desks 6.45x a bare insert + commit). What a
-- save writes besides the referral row — the search entry, the known-child keys, the follow-up actions and the change
-- notice — goes in one call, and its audit events in another, made last so the head stays locked only until COMMIT.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;

-- The events of one referral, appended in order under the person signed in, each link computed here as in
-- audit_append; the client computes every returned link again and refuses to commit if one differs.
CREATE FUNCTION audit_append_all(p_reference text, p_events text)
    RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
#variable_conflict use_column
DECLARE
    head_seq  bigint;
    head_hash text;
    new_hash  text;
    e         record;
BEGIN
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head AS h WHERE h.id = 1 FOR UPDATE;
    FOR e IN SELECT x.value ->> 'user_id' AS user_id, x.value ->> 'at' AS at, x.value ->> 'kind' AS kind,
                    x.value ->> 'payload' AS payload
             FROM json_array_elements(CAST(p_events AS json)) WITH ORDINALITY AS x (value, n) ORDER BY x.n LOOP
        IF e.user_id IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'an event is recorded under the person signed in (%), not %', session_user, e.user_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF e.at IS NULL OR e.at !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$' THEN
            RAISE EXCEPTION 'an event time must be UTC ISO 8601 with milliseconds' USING ERRCODE = 'check_violation';
        END IF;
        IF e.kind IS NULL OR e.payload IS NULL THEN
            RAISE EXCEPTION 'an event needs its kind and payload' USING ERRCODE = 'check_violation';
        END IF;
        new_hash := chain_hash(head_seq + 1, p_reference, e.user_id, e.at, e.kind, e.payload, head_hash);
        INSERT INTO audit (seq, reference, user_id, at, kind, payload, prev_hash, hash)
        VALUES (head_seq + 1, nullif(p_reference, ''), e.user_id, e.at, e.kind, e.payload, head_hash, new_hash);
        seq := head_seq + 1;
        prev_hash := head_hash;
        hash := new_hash;
        RETURN NEXT;
        head_seq := head_seq + 1;
        head_hash := new_hash;
    END LOOP;
    UPDATE audit_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END
$fn$;

-- A write of a referral: its row (p_row, the parameters of the referrals.update statement as JSON; NULL for a new
-- referral, already inserted), only if its revision is still the one the client read (false if not, and nothing is
-- written); the rows derived from it, rewritten where the client says they changed (NULL: unchanged); and the change
-- notice the other desks hear. Runs as the caller, so grants and row-level security apply as to the statements.
CREATE FUNCTION referral_written(p_row text, p_id bigint, p_reference text, p_search_body text,
                                 p_search_words text, p_keys text, p_actions text, p_notice text, p_at text)
    RETURNS boolean
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    r json := CAST(p_row AS json);
BEGIN
    IF r IS NOT NULL THEN
        UPDATE referrals
        SET status = r ->> 'status', document = r ->> 'document', revision = revision + 1,
            updated_at = r ->> 'at', updated_by = r ->> 'user', urgent = CAST(r ->> 'urgent' AS integer),
            next_due = r ->> 'nextDue', children_summary = r ->> 'children', search_text = r ->> 'searchText',
            pending_path = r ->> 'pendingPath', pending_from = r ->> 'pendingFrom', pending_by = r ->> 'pendingBy',
            pending_at = r ->> 'pendingAt'
        WHERE id = p_id AND revision = CAST(r ->> 'expected' AS integer);
        IF NOT FOUND THEN
            RETURN false;
        END IF;
    END IF;
    IF p_search_body IS NOT NULL THEN
        DELETE FROM referral_search WHERE referral_id = p_id;
        INSERT INTO referral_search (referral_id, body, words)
        VALUES (p_id, p_search_body, to_tsvector('frontdoor.names', p_search_words));
    END IF;
    IF p_keys IS NOT NULL THEN
        DELETE FROM person_keys WHERE referral_id = p_id;
        INSERT INTO person_keys (referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date,
                                 birth_year)
        SELECT p_id, k.person, k.kind, k.name, k.folded, k.given, k.family, k.birth_date, k.birth_year
        FROM json_to_recordset(CAST(p_keys AS json))
             AS k (person text, kind text, name text, folded text, given text, family text, birth_date text,
                   birth_year integer);
    END IF;
    IF p_actions IS NOT NULL THEN
        DELETE FROM actions WHERE referral_id = p_id;
        INSERT INTO actions (referral_id, action_id, kind, procedure_id, due, status)
        SELECT p_id, a.action, a.kind, a.procedure, a.due, a.status
        FROM json_to_recordset(CAST(p_actions AS json))
             AS a (action text, kind text, procedure text, due text, status text);
    END IF;
    INSERT INTO events (kind, reference, at) VALUES (p_notice, p_reference, p_at);
    RETURN true;
END
$fn$;

REVOKE ALL ON FUNCTION audit_append_all(text, text),
    referral_written(text, bigint, text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append_all(text, text) TO frontdoor_staff;
GRANT EXECUTE ON FUNCTION referral_written(text, bigint, text, text, text, text, text, text, text)
    TO frontdoor_call_handler, frontdoor_supervisor;

-- name: migrate.3
-- The known-child check reads only the people who can score as a match (issue 21), as SQLite's does: both name keys
-- alike (either way round), or one alike and born within a month or on the same birthday, or a name part crossed and
-- the same date of birth. Each branch is one range of an index on (key, birth_year), and no limit cuts a match off:
-- the function before read at most 5,000 candidates and could stop before the one that mattered. Its indexes hold the
-- other name key and the date of birth, so the candidates are read from the index alone.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;

DROP FUNCTION possible_matches(text, text, integer, text);
CREATE FUNCTION possible_matches(p_family text, p_given text, p_lo integer, p_hi integer, p_birth text,
                                 p_earliest text, p_latest text, p_month_day text, p_exclude text)
    RETURNS TABLE (person_id text, kind text, name text, name_folded text, given_key text, family_key text,
                   birth_date text, birth_year integer, reference text, status text, call_started_at text)
    STABLE LANGUAGE sql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
    WITH candidates (referral_id, person_id) AS (
        SELECT k.referral_id, k.person_id FROM person_keys AS k
        WHERE k.family_key = p_family AND k.birth_year BETWEEN p_lo AND p_hi
          AND (k.given_key = p_given OR k.birth_date BETWEEN p_earliest AND p_latest
               OR substr(k.birth_date, 6) = p_month_day)
        UNION
        SELECT k.referral_id, k.person_id FROM person_keys AS k
        WHERE k.given_key = p_given AND k.birth_year BETWEEN p_lo AND p_hi
          AND k.birth_date BETWEEN p_earliest AND p_latest
        UNION
        SELECT k.referral_id, k.person_id FROM person_keys AS k
        WHERE k.family_key = p_given AND k.birth_year BETWEEN p_lo AND p_hi
          AND (k.given_key = p_family OR k.birth_date = p_birth)
        UNION
        SELECT k.referral_id, k.person_id FROM person_keys AS k
        WHERE k.given_key = p_family AND k.birth_year BETWEEN p_lo AND p_hi AND k.birth_date = p_birth
        UNION
        SELECT k.referral_id, k.person_id FROM person_keys AS k
        WHERE k.family_key = p_family AND k.birth_year IS NULL AND k.given_key = p_given
    )
    SELECT p.person_id, p.kind, p.name, p.name_folded, p.given_key, p.family_key, p.birth_date, p.birth_year,
           r.reference, r.status, r.call_started_at
    FROM candidates AS c
    JOIN person_keys AS p ON p.referral_id = c.referral_id AND p.person_id = c.person_id
    JOIN referrals AS r ON r.id = c.referral_id
    WHERE (p_exclude IS NULL OR r.reference <> p_exclude)
      AND r.status <> 'discarded'
      AND pg_has_role(session_user, 'frontdoor_staff', 'MEMBER')
      AND NOT pg_has_role(session_user, 'frontdoor_administrator', 'MEMBER')
$fn$;
DROP INDEX person_keys_family;
CREATE INDEX person_keys_family ON person_keys (family_key, birth_year, given_key, birth_date);
DROP INDEX person_keys_given;
CREATE INDEX person_keys_given ON person_keys (given_key, birth_year, family_key, birth_date);
REVOKE ALL ON FUNCTION possible_matches(text, text, integer, integer, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION possible_matches(text, text, integer, integer, text, text, text, text, text)
    TO frontdoor_call_handler, frontdoor_supervisor;

-- name: migrate.4
-- Issue 21: the same indexes as SQLite's step 9, for the home screen's lists and counts (a handler's drafts and week,
-- the overdue and urgent counts) and the dashboard's weeks at a million referrals.
DROP INDEX referrals_handler;
CREATE INDEX referrals_handler ON referrals (handler, created_at);
CREATE INDEX referrals_handler_status ON referrals (handler, status, profile);
CREATE INDEX referrals_due ON referrals (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX referrals_urgent ON referrals (urgent, status) WHERE urgent = 1;
CREATE INDEX referrals_started ON referrals (profile, call_started_at);
CREATE INDEX audit_status_changes ON audit (at) WHERE kind = 'statusChanged';

-- name: migrate.5
-- Issue 19: a keystroke that goes on typing into the answer the desk's last save changed is one statement, outside
-- any transaction (thirty desks on one server waited for a core at each of a save's four round trips). It is written
-- only if the row is still as the desk left it: the same revision, a draft, the same typing burst by the same person
-- (a flush elsewhere ends a burst without a new revision); and no other instance holds a live lease. Otherwise false,
-- nothing is written, and the desk saves the usual way, which reads the row and says what happened.
CREATE FUNCTION referral_typed(p_row text, p_id bigint, p_reference text, p_search_body text, p_search_words text,
                               p_keys text, p_actions text, p_notice text, p_at text, p_instance text)
    RETURNS boolean
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    r json := CAST(p_row AS json);
BEGIN
    PERFORM 1 FROM referrals
    WHERE id = p_id AND revision = CAST(r ->> 'expected' AS integer) AND status = 'draft'
      AND pending_path IS NOT NULL AND pending_path = r ->> 'pendingPath'
      AND pending_from IS NOT DISTINCT FROM r ->> 'pendingFrom' AND pending_by = r ->> 'pendingBy'
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM case_lease(p_reference) AS l WHERE l.instance <> p_instance AND l.expires_at > p_at) THEN
        RETURN false;
    END IF;
    RETURN referral_written(p_row, p_id, p_reference, p_search_body, p_search_words, p_keys, p_actions, p_notice,
                            p_at);
END
$fn$;
-- Each keystroke stores the document again; pglz compressing it was the server's costliest single step (perf,
-- bench_team). lz4 is several times faster at a like ratio. Documents written from now on use it.
ALTER TABLE referrals ALTER COLUMN document SET COMPRESSION lz4;
REVOKE ALL ON FUNCTION referral_typed(text, bigint, text, text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_typed(text, bigint, text, text, text, text, text, text, text, text)
    TO frontdoor_call_handler, frontdoor_supervisor;

-- name: migrate.6
-- Issue 19: a change's notice carries what the events table it announces already shows every member of staff — its
-- number, kind and reference, never what is in a case — so a listening desk reads nothing back for each notice.
-- Before, every desk read the feed back at every notice: at thirty desks, thirty reads per save, each costing the
-- server more than the save itself. The desk looks up only the numbers it has not heard (ChangeFeed's gaps).
SET LOCAL search_path = frontdoor, pg_temp;
-- Step 5 ran as the database administrator, not as the schema's owner: its function is handed to the owner.
ALTER FUNCTION referral_typed(text, bigint, text, text, text, text, text, text, text, text) OWNER TO frontdoor_owner;
SET LOCAL ROLE frontdoor_owner;
CREATE OR REPLACE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM pg_notify('frontdoor_changes', json_build_array(NEW.seq, NEW.kind, NEW.reference)::text);
    RETURN NULL;
END
$fn$;

-- Row-level security asked is_own_referral four times a keystroke (the search entry and the person keys, each deleted
-- and written again), and a SQL function with a SET clause is planned afresh at every call. Without it, and with
-- every name written out in full (no search_path reaches it), the planner puts its test into the statement's own
-- plan, which a function's statements keep.
CREATE OR REPLACE FUNCTION is_own_referral(p_id bigint) RETURNS boolean STABLE LANGUAGE sql AS $fn$
    SELECT EXISTS (SELECT FROM frontdoor.referrals AS r
                   WHERE r.id OPERATOR(pg_catalog.=) p_id
                     AND r.handler OPERATOR(pg_catalog.=) CAST(session_user AS pg_catalog.text))
$fn$;

-- A keystroke's write as one UPDATE whose WHERE is the burst's test, after the lease: the same order of locks as a
-- save the usual way (the case's name, then its row), where before it locked the row first and read it twice.
CREATE OR REPLACE FUNCTION referral_typed(p_row text, p_id bigint, p_reference text, p_search_body text,
                                          p_search_words text, p_keys text, p_actions text, p_notice text,
                                          p_at text, p_instance text)
    RETURNS boolean
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    r json := CAST(p_row AS json);
BEGIN
    IF EXISTS (SELECT 1 FROM case_lease(p_reference) AS l WHERE l.instance <> p_instance AND l.expires_at > p_at) THEN
        RETURN false;
    END IF;
    -- What a keystroke in the same burst can change; the burst itself (path, from, by) and the status stay.
    UPDATE referrals
    SET document = r ->> 'document', revision = revision + 1, updated_at = r ->> 'at', updated_by = r ->> 'user',
        urgent = CAST(r ->> 'urgent' AS integer), next_due = r ->> 'nextDue', children_summary = r ->> 'children',
        search_text = r ->> 'searchText', pending_at = r ->> 'pendingAt'
    WHERE id = p_id AND revision = CAST(r ->> 'expected' AS integer) AND status = 'draft'
      AND r ->> 'status' = 'draft' AND pending_path IS NOT NULL AND pending_path = r ->> 'pendingPath'
      AND pending_from IS NOT DISTINCT FROM r ->> 'pendingFrom' AND pending_by = r ->> 'pendingBy';
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    RETURN referral_written(NULL, p_id, p_reference, p_search_body, p_search_words, p_keys, p_actions, p_notice,
                            p_at);
END
$fn$;

-- A save that ends another person's typing burst — a supervisor picking up a draft whose desk died mid-answer — records
-- that burst's event under its typist's name, as on SQLite, where audit_append_all refused every event under another
-- name. It now takes exactly one such event per burst ended in the same transaction: the burst as the row held it when
-- it ended (recorded here by a trigger, under the row's lock), the same person, time, answer, old value and the value
-- the document held, once. Nobody on the staff may write ended_bursts; a burst is only in one typed answer.
CREATE TABLE ended_bursts (
    xact         xid8 NOT NULL,
    reference    text NOT NULL,
    pending_by   text NOT NULL,
    pending_path text NOT NULL,
    pending_from text,
    pending_at   text NOT NULL,
    typed        jsonb NOT NULL,
    PRIMARY KEY (xact, reference)
);
REVOKE ALL ON ended_bursts FROM PUBLIC;

CREATE FUNCTION record_ended_burst() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    person  text[] := regexp_match(OLD.pending_path, '^(children|adults)\[([^]]*)\]\.(.+)$');
    typed   jsonb;
    written xid;
    now_id  bigint;
    full_id bigint;
BEGIN
    -- Only a burst as committed: not one this transaction wrote into the row before ending it (its xmin still in
    -- progress, as ours is, or a savepoint's of ours), which would let anyone put any burst in another's name.
    SELECT r.xmin INTO written FROM referrals AS r WHERE r.id = OLD.id;
    now_id := CAST(CAST(pg_current_xact_id() AS text) AS bigint);
    full_id := now_id - (now_id & 4294967295) + CAST(CAST(written AS text) AS bigint);
    IF full_id > now_id + 2147483648 THEN
        full_id := full_id - 4294967296; -- written in the epoch before (a later one: a savepoint's, or committed since)
    END IF;
    IF pg_xact_status(CAST(CAST(full_id AS text) AS xid8)) = 'in progress' THEN
        RETURN NEW;
    END IF;
    IF person IS NOT NULL THEN
        SELECT p -> 'answers' -> person[3] INTO typed
        FROM jsonb_array_elements(CAST(OLD.document AS jsonb) -> person[1]) AS p
        WHERE p ->> 'id' = person[2];
    ELSIF OLD.pending_path !~ '^@|\[' THEN
        typed := CAST(OLD.document AS jsonb) -> 'answers' -> OLD.pending_path;
    ELSE
        RETURN NEW;
    END IF;
    -- What finished transactions left unused (a burst ended behind Front Door's back, its event never appended).
    DELETE FROM ended_bursts WHERE xact < pg_snapshot_xmin(pg_current_snapshot());
    INSERT INTO ended_bursts (xact, reference, pending_by, pending_path, pending_from, pending_at, typed)
    VALUES (pg_current_xact_id(), OLD.reference, OLD.pending_by, OLD.pending_path, OLD.pending_from, OLD.pending_at,
            coalesce(typed, 'null'::jsonb))
    ON CONFLICT (xact, reference) DO NOTHING;
    RETURN NEW;
END
$fn$;
CREATE TRIGGER referrals_burst_ended BEFORE UPDATE ON referrals FOR EACH ROW
    WHEN (OLD.pending_by IS NOT NULL AND OLD.pending_by <> CAST(session_user AS text)
          AND (NEW.pending_by IS DISTINCT FROM OLD.pending_by OR NEW.pending_at IS DISTINCT FROM OLD.pending_at
               OR NEW.pending_path IS DISTINCT FROM OLD.pending_path))
    EXECUTE FUNCTION record_ended_burst();

CREATE OR REPLACE FUNCTION audit_append_all(p_reference text, p_events text)
    RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
#variable_conflict use_column
DECLARE
    head_seq  bigint;
    head_hash text;
    new_hash  text;
    e         record;
BEGIN
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head AS h WHERE h.id = 1 FOR UPDATE;
    FOR e IN SELECT x.value ->> 'user_id' AS user_id, x.value ->> 'at' AS at, x.value ->> 'kind' AS kind,
                    x.value ->> 'payload' AS payload
             FROM json_array_elements(CAST(p_events AS json)) WITH ORDINALITY AS x (value, n) ORDER BY x.n LOOP
        IF e.user_id IS DISTINCT FROM session_user::text THEN
            -- Only the event of a burst this transaction ended, as the row held it; used up by this event.
            DELETE FROM ended_bursts AS b
            WHERE b.xact = pg_current_xact_id() AND b.reference = p_reference AND b.pending_by = e.user_id
              AND b.pending_at = e.at AND e.kind = 'fieldChanged' AND e.payload IS NOT NULL
              AND CAST(e.payload AS jsonb) ->> 'path' = b.pending_path
              AND coalesce(CAST(e.payload AS jsonb) -> 'from', 'null'::jsonb)
                  = coalesce(CAST(b.pending_from AS jsonb) -> 0, 'null'::jsonb)
              AND coalesce(CAST(e.payload AS jsonb) -> 'to', 'null'::jsonb) = b.typed;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'an event is recorded under the person signed in (%), not %', session_user, e.user_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF e.at IS NULL OR e.at !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$' THEN
            RAISE EXCEPTION 'an event time must be UTC ISO 8601 with milliseconds' USING ERRCODE = 'check_violation';
        END IF;
        IF e.kind IS NULL OR e.payload IS NULL THEN
            RAISE EXCEPTION 'an event needs its kind and payload' USING ERRCODE = 'check_violation';
        END IF;
        new_hash := chain_hash(head_seq + 1, p_reference, e.user_id, e.at, e.kind, e.payload, head_hash);
        INSERT INTO audit (seq, reference, user_id, at, kind, payload, prev_hash, hash)
        VALUES (head_seq + 1, nullif(p_reference, ''), e.user_id, e.at, e.kind, e.payload, head_hash, new_hash);
        seq := head_seq + 1;
        prev_hash := head_hash;
        hash := new_hash;
        RETURN NEXT;
        head_seq := head_seq + 1;
        head_hash := new_hash;
    END LOOP;
    UPDATE audit_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END
$fn$;

-- name: migrate.7
-- Issue 19: a change is announced after it has committed, by the desk that made it, not by its commit. PostgreSQL
-- holds one lock for the whole database from a notifying transaction's commit until its WAL is on disk, so that
-- notices queue in commit order: every save waited for every other desk's flush in turn, and at thirty desks saving
-- flat out most of a save's time was that wait (pg_stat_activity: Lock/object, 542 of 1,100 samples). The desk now
-- announces its events once COMMIT has answered (announce_events), in a transaction that writes nothing, so holds
-- that lock for no flush. A desk that dies in between leaves its change to the others' gap lookup or backstop poll
-- (ChangeFeed), as a notice lost on a dropped connection always was.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;
DROP TRIGGER events_announce ON events;
DROP FUNCTION announce_change();

-- The notices of events that have committed, in their order: [seq, kind, reference], as step 6's trigger sent them.
-- Anyone on the staff may read the events, so may have one announced again: a notice tells nothing new, and a desk
-- hears each number once. Runs as the caller, naming every table in full.
CREATE FUNCTION announce_events(p_seqs bigint[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM pg_notify('frontdoor_changes', json_build_array(e.seq, e.kind, e.reference)::text)
    FROM frontdoor.events AS e
    WHERE e.seq = ANY (p_seqs)
    ORDER BY e.seq;
END
$fn$;

-- A referral's write as in step 2, answering with its event's number for announce_events (0: nothing written), and
-- with the row read from JSON once (jsonb: json parsed the whole row, the document in it, at each of the twenty
-- fields and tests read from it). Its event is left out when p_notice is NULL.
DROP FUNCTION referral_written(text, bigint, text, text, text, text, text, text, text);
CREATE FUNCTION referral_written(p_row text, p_id bigint, p_reference text, p_search_body text, p_search_words text,
                                 p_keys text, p_actions text, p_notice text, p_at text)
    RETURNS bigint
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    r    jsonb := CAST(p_row AS jsonb);
    made bigint := 0;
BEGIN
    IF r IS NOT NULL THEN
        UPDATE referrals
        SET status = r ->> 'status', document = r ->> 'document', revision = revision + 1,
            updated_at = r ->> 'at', updated_by = r ->> 'user', urgent = CAST(r ->> 'urgent' AS integer),
            next_due = r ->> 'nextDue', children_summary = r ->> 'children', search_text = r ->> 'searchText',
            pending_path = r ->> 'pendingPath', pending_from = r ->> 'pendingFrom', pending_by = r ->> 'pendingBy',
            pending_at = r ->> 'pendingAt'
        WHERE id = p_id AND revision = CAST(r ->> 'expected' AS integer);
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
    END IF;
    IF p_search_body IS NOT NULL THEN
        DELETE FROM referral_search WHERE referral_id = p_id;
        INSERT INTO referral_search (referral_id, body, words)
        VALUES (p_id, p_search_body, to_tsvector('frontdoor.names', p_search_words));
    END IF;
    IF p_keys IS NOT NULL THEN
        DELETE FROM person_keys WHERE referral_id = p_id;
        INSERT INTO person_keys (referral_id, person_id, kind, name, name_folded, given_key, family_key, birth_date,
                                 birth_year)
        SELECT p_id, k.person, k.kind, k.name, k.folded, k.given, k.family, k.birth_date, k.birth_year
        FROM json_to_recordset(CAST(p_keys AS json))
             AS k (person text, kind text, name text, folded text, given text, family text, birth_date text,
                   birth_year integer);
    END IF;
    IF p_actions IS NOT NULL THEN
        DELETE FROM actions WHERE referral_id = p_id;
        INSERT INTO actions (referral_id, action_id, kind, procedure_id, due, status)
        SELECT p_id, a.action, a.kind, a.procedure, a.due, a.status
        FROM json_to_recordset(CAST(p_actions AS json))
             AS a (action text, kind text, procedure text, due text, status text);
    END IF;
    IF p_notice IS NOT NULL THEN
        INSERT INTO events (kind, reference, at) VALUES (p_notice, p_reference, p_at) RETURNING seq INTO made;
    END IF;
    RETURN made;
END
$fn$;

-- A keystroke's write as in step 6, answering as referral_written does.
DROP FUNCTION referral_typed(text, bigint, text, text, text, text, text, text, text, text);
CREATE FUNCTION referral_typed(p_row text, p_id bigint, p_reference text, p_search_body text, p_search_words text,
                               p_keys text, p_actions text, p_notice text, p_at text, p_instance text)
    RETURNS bigint
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    r jsonb := CAST(p_row AS jsonb);
BEGIN
    IF EXISTS (SELECT 1 FROM case_lease(p_reference) AS l WHERE l.instance <> p_instance AND l.expires_at > p_at) THEN
        RETURN 0;
    END IF;
    -- What a keystroke in the same burst can change; the burst itself (path, from, by) and the status stay.
    UPDATE referrals
    SET document = r ->> 'document', revision = revision + 1, updated_at = r ->> 'at', updated_by = r ->> 'user',
        urgent = CAST(r ->> 'urgent' AS integer), next_due = r ->> 'nextDue', children_summary = r ->> 'children',
        search_text = r ->> 'searchText', pending_at = r ->> 'pendingAt'
    WHERE id = p_id AND revision = CAST(r ->> 'expected' AS integer) AND status = 'draft'
      AND r ->> 'status' = 'draft' AND pending_path IS NOT NULL AND pending_path = r ->> 'pendingPath'
      AND pending_from IS NOT DISTINCT FROM r ->> 'pendingFrom' AND pending_by = r ->> 'pendingBy';
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    RETURN referral_written(NULL, p_id, p_reference, p_search_body, p_search_words, p_keys, p_actions, p_notice,
                            p_at);
END
$fn$;
REVOKE ALL ON FUNCTION referral_written(text, bigint, text, text, text, text, text, text, text),
    referral_typed(text, bigint, text, text, text, text, text, text, text, text), announce_events(bigint[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_written(text, bigint, text, text, text, text, text, text, text),
    referral_typed(text, bigint, text, text, text, text, text, text, text, text), announce_events(bigint[])
    TO frontdoor_call_handler, frontdoor_supervisor;

-- name: migrate.8
-- Issue 19: a save that starts another answer, ending the burst before it, took five round trips (BEGIN, the row
-- read, the write, the events, COMMIT), and at thirty desks each was a wait for a core. When the desk's last write is
-- still the row's (the same revision and burst), the desk describes the change from what it holds and sends it as one
-- statement inside its transaction: written only if the row is still as the desk left it — the same revision, a draft
-- both before and after, the same burst (a flush elsewhere ends a burst without a new revision) — and no other
-- instance holds a live lease. Its first row is the change's event number, then each link of the trail as
-- audit_append_all computed it, which the desk checks before COMMIT. No rows: nothing written, and the desk saves the
-- usual way, which reads the row and says what happened. Only the caller's own burst ends here (a burst of another
-- person's goes the usual way, through record_ended_burst), so every event is under the caller's name.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;
CREATE FUNCTION referral_saved(p_row text, p_id bigint, p_reference text, p_search_body text, p_search_words text,
                               p_keys text, p_actions text, p_notice text, p_at text, p_instance text,
                               p_events text)
    RETURNS TABLE (seq bigint, prev_hash text, hash text)
    LANGUAGE plpgsql SET search_path = frontdoor, pg_temp AS $fn$
#variable_conflict use_column
DECLARE
    r jsonb := CAST(p_row AS jsonb);
BEGIN
    IF EXISTS (SELECT 1 FROM case_lease(p_reference) AS l WHERE l.instance <> p_instance AND l.expires_at > p_at) THEN
        RETURN;
    END IF;
    UPDATE referrals AS x
    SET document = r ->> 'document', revision = x.revision + 1, updated_at = r ->> 'at', updated_by = r ->> 'user',
        urgent = CAST(r ->> 'urgent' AS integer), next_due = r ->> 'nextDue', children_summary = r ->> 'children',
        search_text = r ->> 'searchText', pending_path = r ->> 'pendingPath', pending_from = r ->> 'pendingFrom',
        pending_by = r ->> 'pendingBy', pending_at = r ->> 'pendingAt'
    WHERE x.id = p_id AND x.revision = CAST(r ->> 'expected' AS integer) AND x.status = 'draft'
      AND r ->> 'status' = 'draft' AND x.pending_path IS NOT DISTINCT FROM r ->> 'basisPath'
      AND x.pending_from IS NOT DISTINCT FROM r ->> 'basisFrom' AND x.pending_by IS NOT DISTINCT FROM r ->> 'basisBy'
      AND (x.pending_by IS NULL OR x.pending_by = CAST(session_user AS text));
    IF NOT FOUND THEN
        RETURN;
    END IF;
    seq := referral_written(NULL, p_id, p_reference, p_search_body, p_search_words, p_keys, p_actions, p_notice,
                            p_at);
    prev_hash := NULL;
    hash := NULL;
    RETURN NEXT;
    IF p_events IS NOT NULL THEN
        RETURN QUERY SELECT a.seq, a.prev_hash, a.hash FROM audit_append_all(p_reference, p_events) AS a;
    END IF;
END
$fn$;
REVOKE ALL ON FUNCTION referral_saved(text, bigint, text, text, text, text, text, text, text, text, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_saved(text, bigint, text, text, text, text, text, text, text, text, text)
    TO frontdoor_call_handler, frontdoor_supervisor;

-- The overdue count (a supervisor's home, read again whenever a referral moves) reads its index alone: the status it
-- leaves out (discarded) is held in the index too. At 25,000 referrals with a due date, 18.8 ms → 4.6 ms.
DROP INDEX referrals_due;
CREATE INDEX referrals_due ON referrals (next_due) INCLUDE (status) WHERE next_due IS NOT NULL;

-- name: migrate.9
-- Issue 19: the offline spool held what a call-handler typed in the clear on the workstation's disk (owner-only, but
-- readable by anyone who takes the disk or a copy of the home folder). Each person's spool is now sealed with a key of
-- their own that lives here, never on the workstation: a desk asks for it at sign-in (spool_key, made at the first
-- ask) and holds it in guarded memory while signed in. A copied disk holds nothing readable without that person's
-- sign-in to this server. Nobody reads the table itself: only the function does, for the person signed in.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;
CREATE TABLE spool_keys (
    person text PRIMARY KEY,
    key bytea NOT NULL CHECK (octet_length(key) = 32)
);
REVOKE ALL ON spool_keys FROM PUBLIC;
CREATE FUNCTION spool_key() RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = frontdoor, pg_temp AS $fn$
DECLARE
    made bytea;
BEGIN
    INSERT INTO spool_keys (person, key) VALUES (CAST(session_user AS text), public.gen_random_bytes(32))
    ON CONFLICT (person) DO NOTHING;
    SELECT s.key INTO made FROM spool_keys AS s WHERE s.person = CAST(session_user AS text);
    RETURN encode(made, 'hex');
END
$fn$;
REVOKE ALL ON FUNCTION spool_key() FROM PUBLIC;
-- Every signed-in person opens a spool (an administrator's stays empty: they type no calls).
GRANT EXECUTE ON FUNCTION spool_key() TO frontdoor_staff;

-- name: migrate.10
-- Issue 19: search as one function planned afresh at each call, with the words sought in view. As a prepared
-- statement, PostgreSQL kept one plan for all words from its sixth run (generic: the words unknown), which walks the
-- newest 2,000 search entries whatever is sought — p50 10 ms, p95 26 ms at 100,000 referrals (bench_store --server),
-- where a rare name or a reference needs a handful of index entries. Planned for each call (plan_cache_mode, in force
-- only while the function runs), the planner sees the tsquery (it folds to_tsquery of a constant to estimate), and
-- picks the words index or the walk by what they cost. The statement is the same as before, so is the answer; it runs
-- as the caller (SECURITY INVOKER), so row-level security still decides what each person finds.
-- The statement's history: on its own the planner walked the referrals backwards testing each one — instant for a
-- common name, the whole table for a rare one or a reference (50 ms at 100,000). So the newest 2,000 are walked
-- first; only when they hold fewer than the limit does the words index find every match (few, or the window would
-- have held them), each then looked up by its id: joined, the planner guessed 500 matches and read the whole table
-- (p50 22 ms). If the window holds `limit` matches, the newest `limit` are all in it, under row-level security too.
-- The window bounds both tables: no bound on the referrals' ids reaches the search entries across the join
-- (PostgreSQL carries equalities across a join, not ranges).
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;
CREATE FUNCTION search_referrals(p_query text, p_handler text, p_limit integer)
    RETURNS TABLE (reference text, profile text, status text, handler text, urgent integer, call_started_at text,
                   created_at text, updated_at text, next_due text, children_summary text)
    STABLE LANGUAGE plpgsql SET search_path = frontdoor, pg_temp SET plan_cache_mode = force_custom_plan AS $fn$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH recent AS MATERIALIZED (
        SELECT r.id
        FROM referrals AS r JOIN referral_search AS s ON s.referral_id = r.id
        WHERE r.id > (SELECT coalesce(max(x.id), 0) - 2000 FROM referrals AS x)
          AND s.referral_id > (SELECT coalesce(max(x.id), 0) - 2000 FROM referrals AS x)
          AND s.words @@ to_tsquery('frontdoor.names', p_query)
          AND (p_handler IS NULL OR r.handler = p_handler)
          AND r.status <> 'discarded'
        ORDER BY r.id DESC
        LIMIT p_limit
    ), found AS (
        SELECT c.id FROM recent AS c WHERE (SELECT count(*) FROM recent) >= p_limit
        UNION ALL
        SELECT r.id
        FROM referrals AS r
        WHERE (SELECT count(*) FROM recent) < p_limit
          AND r.id = ANY (ARRAY(SELECT e.referral_id FROM referral_search AS e
                                WHERE e.words @@ to_tsquery('frontdoor.names', p_query)))
          AND (p_handler IS NULL OR r.handler = p_handler)
          AND r.status <> 'discarded'
    )
    SELECT r.reference, r.profile, r.status, r.handler, r.urgent, r.call_started_at, r.created_at, r.updated_at,
           r.next_due, r.children_summary
    FROM found AS f JOIN referrals AS r ON r.id = f.id
    ORDER BY r.id DESC
    LIMIT p_limit;
END
$fn$;
REVOKE ALL ON FUNCTION search_referrals(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_referrals(text, text, integer) TO frontdoor_call_handler, frontdoor_supervisor;

-- name: migrate.11
-- Issue 19: a save that ends a burst held the trail's head locked from its link to its COMMIT, a round trip later,
-- because the desk checked each link the server computed before committing: every other desk's event waited on this
-- one's network and scheduling (flat out, 39 ms p50 for the save that moves to another answer). The same check now
-- happens on the server, before anything is written: each event may carry the link the desk computed for it at
-- sequence 0 after an empty hash ("check"), and it must equal chain_hash of the event as the server read it, or the
-- save is refused whole. That is the same function the real link goes through, over the same fields; only the
-- sequence and the previous hash differ, both ASCII. So the save can commit by itself, as one statement, and the desk
-- still checks the links it is answered. An event without "check" is linked as before, and checked by the desk before
-- its COMMIT.
SET LOCAL search_path = frontdoor, pg_temp;
SET LOCAL ROLE frontdoor_owner;
CREATE OR REPLACE FUNCTION audit_append_all(p_reference text, p_events text)
    RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = frontdoor, pg_temp AS $fn$
#variable_conflict use_column
DECLARE
    head_seq  bigint;
    head_hash text;
    new_hash  text;
    e         record;
BEGIN
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head AS h WHERE h.id = 1 FOR UPDATE;
    FOR e IN SELECT x.value ->> 'user_id' AS user_id, x.value ->> 'at' AS at, x.value ->> 'kind' AS kind,
                    x.value ->> 'payload' AS payload, x.value ->> 'check' AS checked, x.n
             FROM json_array_elements(CAST(p_events AS json)) WITH ORDINALITY AS x (value, n) ORDER BY x.n LOOP
        IF e.user_id IS DISTINCT FROM session_user::text THEN
            -- Only the event of a burst this transaction ended, as the row held it; used up by this event.
            DELETE FROM ended_bursts AS b
            WHERE b.xact = pg_current_xact_id() AND b.reference = p_reference AND b.pending_by = e.user_id
              AND b.pending_at = e.at AND e.kind = 'fieldChanged' AND e.payload IS NOT NULL
              AND CAST(e.payload AS jsonb) ->> 'path' = b.pending_path
              AND coalesce(CAST(e.payload AS jsonb) -> 'from', 'null'::jsonb)
                  = coalesce(CAST(b.pending_from AS jsonb) -> 0, 'null'::jsonb)
              AND coalesce(CAST(e.payload AS jsonb) -> 'to', 'null'::jsonb) = b.typed;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'an event is recorded under the person signed in (%), not %', session_user, e.user_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF e.at IS NULL OR e.at !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$' THEN
            RAISE EXCEPTION 'an event time must be UTC ISO 8601 with milliseconds' USING ERRCODE = 'check_violation';
        END IF;
        IF e.kind IS NULL OR e.payload IS NULL THEN
            RAISE EXCEPTION 'an event needs its kind and payload' USING ERRCODE = 'check_violation';
        END IF;
        IF e.checked IS NOT NULL
           AND e.checked IS DISTINCT FROM chain_hash(0, p_reference, e.user_id, e.at, e.kind, e.payload, '') THEN
            RAISE EXCEPTION 'the server computed another link for event % of this save than the desk did (their '
                            'encodings differ); nothing was saved', e.n
                USING ERRCODE = 'data_corrupted';
        END IF;
        new_hash := chain_hash(head_seq + 1, p_reference, e.user_id, e.at, e.kind, e.payload, head_hash);
        INSERT INTO audit (seq, reference, user_id, at, kind, payload, prev_hash, hash)
        VALUES (head_seq + 1, nullif(p_reference, ''), e.user_id, e.at, e.kind, e.payload, head_hash, new_hash);
        seq := head_seq + 1;
        prev_hash := head_hash;
        hash := new_hash;
        RETURN NEXT;
        head_seq := head_seq + 1;
        head_hash := new_hash;
    END LOOP;
    UPDATE audit_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END
$fn$;
