-- The stock ledger: append-only movements written by documents, balances kept by the database itself and never negative.

CREATE TABLE slot (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  node_id uuid NOT NULL REFERENCES node (id),
  zone text NOT NULL,
  rack text NOT NULL DEFAULT '',
  level text NOT NULL DEFAULT '',
  position text NOT NULL DEFAULT '',
  -- zone-rack-level-position, as printed on the shelf label
  code text NOT NULL,
  UNIQUE (node_id, code)
);

CREATE TABLE lot (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  item_id uuid NOT NULL REFERENCES item (id),
  lot_no text NOT NULL CHECK (length(lot_no) BETWEEN 1 AND 64),
  produced_on date,
  expires_on date,
  supplier text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, lot_no),
  CHECK (expires_on IS NULL OR produced_on IS NULL OR expires_on >= produced_on)
);
CREATE INDEX lot_expiry_idx ON lot (expires_on);

CREATE SEQUENCE asset_code_seq;

CREATE TABLE asset (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  item_id uuid NOT NULL REFERENCES item (id),
  -- one item, one code (一物一码): printed as a QR label
  code text NOT NULL UNIQUE,
  serial_no text NOT NULL CHECK (length(serial_no) BETWEEN 1 AND 100),
  rfid_epc text UNIQUE CHECK (rfid_epc ~ '^[0-9A-F]{24,64}$'),
  manufactured_on date,
  lot_id uuid REFERENCES lot (id),
  status text NOT NULL CHECK (status IN ('in-stock', 'reserved', 'in-transit', 'issued', 'quarantined', 'under-repair', 'retired', 'lost')),
  node_id uuid REFERENCES node (id),
  slot_id uuid REFERENCES slot (id),
  holder text,
  -- the sealed kit box this unit is packed in, if any
  container_asset_id uuid REFERENCES asset (id),
  next_inspection_due date,
  last_inspection_result text CHECK (last_inspection_result IN ('pass', 'fail')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, serial_no)
);
CREATE INDEX asset_node_item_idx ON asset (node_id, item_id);
CREATE INDEX asset_item_idx ON asset (item_id, code);

CREATE SEQUENCE stock_document_no_seq;

CREATE TABLE stock_document (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('receipt', 'transfer', 'adjustment', 'count', 'quarantine', 'release', 'write-off', 'dispatch', 'issue', 'consumption', 'return', 'opening')),
  number text NOT NULL UNIQUE,
  node_id uuid NOT NULL REFERENCES node (id),
  to_node_id uuid REFERENCES node (id),
  state text NOT NULL,
  source text,
  reason text NOT NULL DEFAULT '',
  reference text NOT NULL DEFAULT '',
  lines jsonb NOT NULL DEFAULT '[]',
  meta jsonb NOT NULL DEFAULT '{}',
  idempotency_key text UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  request_hash text,
  created_by uuid,
  created_by_name text NOT NULL,
  approved_by_name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX stock_document_node_idx ON stock_document (node_id, kind, created_at DESC);
CREATE INDEX stock_document_to_node_idx ON stock_document (to_node_id) WHERE to_node_id IS NOT NULL;

CREATE TABLE stock_movement (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  document_id uuid NOT NULL REFERENCES stock_document (id),
  node_id uuid NOT NULL REFERENCES node (id),
  item_id uuid NOT NULL REFERENCES item (id),
  lot_id uuid REFERENCES lot (id),
  asset_id uuid REFERENCES asset (id),
  -- the unit this movement counts: the asset, else the lot, else the untracked remainder (all zeros)
  stock_key uuid NOT NULL,
  bucket text NOT NULL CHECK (bucket IN ('on_hand', 'reserved', 'in_transit', 'quarantined')),
  delta bigint NOT NULL CHECK (delta <> 0),
  at timestamptz NOT NULL
);
CREATE INDEX stock_movement_key_idx ON stock_movement (node_id, item_id, stock_key);
CREATE INDEX stock_movement_document_idx ON stock_movement (document_id);

CREATE TABLE stock_balance (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  node_id uuid NOT NULL REFERENCES node (id),
  item_id uuid NOT NULL REFERENCES item (id),
  stock_key uuid NOT NULL,
  lot_id uuid REFERENCES lot (id),
  asset_id uuid REFERENCES asset (id),
  on_hand bigint NOT NULL DEFAULT 0,
  reserved bigint NOT NULL DEFAULT 0,
  in_transit bigint NOT NULL DEFAULT 0,
  quarantined bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (node_id, item_id, stock_key),
  CONSTRAINT stock_balance_nonnegative CHECK (on_hand >= 0 AND reserved >= 0 AND in_transit >= 0 AND quarantined >= 0),
  -- what is promised or blocked can never exceed what is there: availability is never negative
  CONSTRAINT stock_balance_available_nonnegative CHECK (reserved + quarantined <= on_hand)
);
CREATE INDEX stock_balance_item_idx ON stock_balance (item_id, node_id);

-- Totals per node × item over all lots and assets, kept by the same trigger: stock lists read this, not a million asset rows.
CREATE TABLE stock_summary (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  node_id uuid NOT NULL REFERENCES node (id),
  item_id uuid NOT NULL REFERENCES item (id),
  on_hand bigint NOT NULL DEFAULT 0,
  reserved bigint NOT NULL DEFAULT 0,
  in_transit bigint NOT NULL DEFAULT 0,
  quarantined bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (node_id, item_id),
  CONSTRAINT stock_summary_nonnegative CHECK (on_hand >= 0 AND reserved >= 0 AND in_transit >= 0 AND quarantined >= 0 AND reserved + quarantined <= on_hand)
);
CREATE INDEX stock_summary_item_idx ON stock_summary (item_id, node_id);

-- Movements are history: never changed, never removed.
CREATE FUNCTION stock_movement_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movement is append-only: post a correcting movement instead' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER stock_movement_no_update BEFORE UPDATE OR DELETE ON stock_movement
  FOR EACH ROW EXECUTE FUNCTION stock_movement_is_append_only();
CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_is_append_only();

-- Balances follow movements in the same statement, set-based: one pass per inserted batch.
-- The CHECK constraints above then refuse any statement that would leave a balance negative.
CREATE FUNCTION stock_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Make sure every touched row exists (zeros always pass the checks), then add the deltas: an
  -- INSERT … ON CONFLICT would check the proposed row's constraints before seeing the conflict.
  INSERT INTO stock_balance (organisation_id, node_id, item_id, stock_key, lot_id, asset_id)
  SELECT DISTINCT ON (m.node_id, m.item_id, m.stock_key) m.organisation_id, m.node_id, m.item_id, m.stock_key, m.lot_id, m.asset_id
    FROM new_movements m ORDER BY m.node_id, m.item_id, m.stock_key
  ON CONFLICT (node_id, item_id, stock_key) DO NOTHING;
  UPDATE stock_balance b SET
    on_hand = b.on_hand + d.on_hand, reserved = b.reserved + d.reserved,
    in_transit = b.in_transit + d.in_transit, quarantined = b.quarantined + d.quarantined
    FROM (SELECT m.node_id, m.item_id, m.stock_key,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'on_hand'), 0) AS on_hand,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'reserved'), 0) AS reserved,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'in_transit'), 0) AS in_transit,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'quarantined'), 0) AS quarantined
            FROM new_movements m GROUP BY m.node_id, m.item_id, m.stock_key) d
   WHERE b.node_id = d.node_id AND b.item_id = d.item_id AND b.stock_key = d.stock_key;

  INSERT INTO stock_summary (organisation_id, node_id, item_id)
  SELECT DISTINCT ON (m.node_id, m.item_id) m.organisation_id, m.node_id, m.item_id
    FROM new_movements m ORDER BY m.node_id, m.item_id
  ON CONFLICT (node_id, item_id) DO NOTHING;
  UPDATE stock_summary s SET
    on_hand = s.on_hand + d.on_hand, reserved = s.reserved + d.reserved,
    in_transit = s.in_transit + d.in_transit, quarantined = s.quarantined + d.quarantined
    FROM (SELECT m.node_id, m.item_id,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'on_hand'), 0) AS on_hand,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'reserved'), 0) AS reserved,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'in_transit'), 0) AS in_transit,
                 coalesce(sum(m.delta) FILTER (WHERE m.bucket = 'quarantined'), 0) AS quarantined
            FROM new_movements m GROUP BY m.node_id, m.item_id) d
   WHERE s.node_id = d.node_id AND s.item_id = d.item_id;
  RETURN NULL;
END $$;
CREATE TRIGGER stock_movement_apply AFTER INSERT ON stock_movement
  REFERENCING NEW TABLE AS new_movements FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_apply();

-- Balances change only through movements.
CREATE FUNCTION stock_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'stock_balance changes only through stock_movement' USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER stock_balance_guard BEFORE INSERT OR UPDATE OR DELETE ON stock_balance
  FOR EACH ROW EXECUTE FUNCTION stock_balance_guard();
CREATE TRIGGER stock_summary_guard BEFORE INSERT OR UPDATE OR DELETE ON stock_summary
  FOR EACH ROW EXECUTE FUNCTION stock_balance_guard();

-- Reserve standards (储): per node × item the minimum kept, the target to replenish to.
CREATE TABLE reserve_standard (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  node_id uuid NOT NULL REFERENCES node (id),
  item_id uuid NOT NULL REFERENCES item (id),
  min_reserve bigint NOT NULL CHECK (min_reserve >= 0),
  target bigint NOT NULL CHECK (target >= 0),
  -- overrides the item's backup ratio for this node, e.g. '4:1'
  backup_ratio text CHECK (backup_ratio ~ '^[0-9]+:[0-9]+$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (node_id, item_id),
  CHECK (min_reserve <= target)
);

-- The life history of each serialised asset (received, put away, issued, inspected, repaired, retired).
CREATE TABLE asset_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  asset_id uuid NOT NULL REFERENCES asset (id),
  at timestamptz NOT NULL,
  kind text NOT NULL,
  document_id uuid REFERENCES stock_document (id),
  node_id uuid REFERENCES node (id),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX asset_event_asset_idx ON asset_event (asset_id, at);

-- Stock-count sessions: expected is frozen at start, counted lines arrive, approval posts corrections.
CREATE TABLE stock_count_line (
  document_id uuid NOT NULL REFERENCES stock_document (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  item_id uuid NOT NULL REFERENCES item (id),
  stock_key uuid NOT NULL,
  lot_id uuid REFERENCES lot (id),
  asset_id uuid REFERENCES asset (id),
  expected bigint NOT NULL,
  counted bigint CHECK (counted >= 0),
  PRIMARY KEY (document_id, item_id, stock_key)
);
