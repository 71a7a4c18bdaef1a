-- Incidents, pre-plans, vehicles, one-click dispatch plans and the shipments that carry them to the scene.

CREATE TABLE incident_type (
  code text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  parent_code text REFERENCES incident_type (code),
  name_zh text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE pre_plan (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  code text NOT NULL UNIQUE,
  incident_type_code text NOT NULL REFERENCES incident_type (code),
  min_alarm_level integer NOT NULL CHECK (min_alarm_level BETWEEN 1 AND 5),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  modules jsonb NOT NULL DEFAULT '[]',
  items jsonb NOT NULL DEFAULT '[]',
  rules jsonb NOT NULL DEFAULT '[]',
  default_duration_hours numeric NOT NULL CHECK (default_duration_hours > 0),
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (incident_type_code, min_alarm_level)
);

-- A module is stocked as one kit item (a sealed box) with a packing list.
ALTER TABLE module_kit ADD COLUMN kit_item_id uuid REFERENCES item (id);

CREATE TABLE vehicle (
  node_id uuid PRIMARY KEY REFERENCES node (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  plate text NOT NULL UNIQUE,
  kind_zh text NOT NULL,
  kind_en text NOT NULL,
  home_node_id uuid REFERENCES node (id),
  payload_kg numeric NOT NULL CHECK (payload_kg > 0),
  volume_m3 numeric NOT NULL CHECK (volume_m3 > 0),
  -- last reported position (MQTT later); null until one arrives
  lat double precision,
  lng double precision,
  position_at timestamptz
);

CREATE SEQUENCE incident_no_seq;

CREATE TABLE incident (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  number text NOT NULL UNIQUE,
  type_code text NOT NULL REFERENCES incident_type (code),
  alarm_level integer NOT NULL CHECK (alarm_level BETWEEN 1 AND 5),
  priority integer NOT NULL CHECK (priority BETWEEN 1 AND 5),
  title text NOT NULL DEFAULT '',
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  address text NOT NULL DEFAULT '',
  people_committed integer CHECK (people_committed >= 0),
  scba_wearers integer CHECK (scba_wearers >= 0),
  expected_duration_hours numeric CHECK (expected_duration_hours > 0),
  state text NOT NULL CHECK (state IN ('open', 'dispatched', 'closed', 'cancelled')),
  -- drills: plans are made and shipments simulated, the ledger is never touched
  is_exercise boolean NOT NULL DEFAULT false,
  staging_node_id uuid REFERENCES node (id),
  reported_at timestamptz NOT NULL,
  closed_at timestamptz,
  created_by_name text NOT NULL,
  report jsonb
);
CREATE INDEX incident_state_idx ON incident (state, reported_at DESC);

CREATE SEQUENCE dispatch_plan_no_seq;

CREATE TABLE dispatch_plan (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  number text NOT NULL UNIQUE,
  incident_ids uuid[] NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'confirmed', 'stale', 'superseded')),
  -- what the dispatcher asked for (policy, extra demand, excluded nodes), so a re-plan asks the same
  request jsonb NOT NULL DEFAULT '{}',
  problem jsonb NOT NULL,
  plan jsonb NOT NULL,
  explanation jsonb NOT NULL,
  demand jsonb NOT NULL,
  transport jsonb NOT NULL DEFAULT '{}',
  build_ms numeric NOT NULL,
  solve_ms numeric NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_by_name text,
  confirmed_at timestamptz,
  replaced_by uuid REFERENCES dispatch_plan (id)
);
CREATE INDEX dispatch_plan_incidents_idx ON dispatch_plan USING gin (incident_ids);

CREATE TABLE shipment (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  number text NOT NULL UNIQUE,
  plan_id uuid NOT NULL REFERENCES dispatch_plan (id),
  incident_id uuid NOT NULL REFERENCES incident (id),
  from_node_id uuid NOT NULL REFERENCES node (id),
  to_node_id uuid NOT NULL REFERENCES node (id),
  -- the dispatch document holding the reservation (null for exercises)
  document_id uuid REFERENCES stock_document (id),
  vehicle_node_id uuid REFERENCES node (id),
  is_call_off boolean NOT NULL DEFAULT false,
  state text NOT NULL CHECK (state IN ('picking', 'packed', 'in-transit', 'delivered', 'cancelled')),
  lines jsonb NOT NULL,
  picked jsonb NOT NULL DEFAULT '[]',
  travel_minutes numeric NOT NULL,
  eta timestamptz NOT NULL,
  departed_at timestamptz,
  arrived_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX shipment_incident_idx ON shipment (incident_id);
CREATE INDEX shipment_from_idx ON shipment (from_node_id, state);
