-- Accounts, server-side sessions, login throttling and the hash-chained audit log.

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,64}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('admin', 'logistics-officer', 'warehouse-keeper', 'station-officer', 'dispatcher', 'driver', 'viewer')),
  -- scrypt$N$r$p$salt$hash (base64)
  password_hash text NOT NULL,
  -- Subtree roots and single nodes the user may act in; both empty means only an admin sees anything.
  organisation_ids uuid[] NOT NULL DEFAULT '{}',
  node_ids uuid[] NOT NULL DEFAULT '{}',
  disabled boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  -- sha256 of the bearer token: a stolen table does not yield usable tokens.
  token_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  client_address text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE login_attempt (
  -- 'user:<name>' or 'addr:<ip>'
  subject text PRIMARY KEY,
  organisation_id uuid,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  organisation_id uuid,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_username text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary jsonb NOT NULL DEFAULT '{}',
  client_address text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_username);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- The head of the chain: one row, locked by each append so the chain never forks.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
