-- Foundation: the organisation tree, the 1+8+N node registry and the equipment catalogue. Every table carries the organisation it belongs to.

CREATE TABLE organisation (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL CHECK (organisation_id = id),
  parent_id uuid REFERENCES organisation (id),
  -- Materialised path '/<root id>/…/<own id>/' for subtree queries and scope checks.
  path text NOT NULL,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('corps', 'detachment', 'battalion', 'station')),
  name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisation_path_idx ON organisation (path text_pattern_ops);
CREATE INDEX organisation_parent_idx ON organisation (parent_id);

CREATE TABLE node (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  code text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('base', 'sub-warehouse', 'station', 'micro-station', 'partner', 'vehicle', 'staging')),
  name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  address text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  is_24h boolean NOT NULL DEFAULT false,
  capacity_slots integer CHECK (capacity_slots >= 0),
  area_m2 numeric CHECK (area_m2 >= 0),
  zones jsonb NOT NULL DEFAULT '[]',
  contacts jsonb NOT NULL DEFAULT '[]',
  agreement jsonb,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX node_organisation_idx ON node (organisation_id);
CREATE INDEX node_type_idx ON node (type);

CREATE TABLE category (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  parent_id uuid REFERENCES category (id),
  code text NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE item (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  category_id uuid NOT NULL REFERENCES category (id),
  code text NOT NULL UNIQUE,
  name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  unit_zh text NOT NULL,
  unit_en text NOT NULL,
  tracking text NOT NULL CHECK (tracking IN ('serialised', 'lot', 'bulk', 'kit')),
  -- Bulk quantities are integers of a base unit: 10 means one display unit is ten base units.
  base_units_per_unit integer NOT NULL DEFAULT 1 CHECK (base_units_per_unit >= 1),
  service_life_months integer CHECK (service_life_months >= 0),
  shelf_life_months integer CHECK (shelf_life_months >= 0),
  inspection_interval_days integer CHECK (inspection_interval_days >= 0),
  safety_critical boolean NOT NULL DEFAULT false,
  storage_temp_min_c numeric,
  storage_temp_max_c numeric,
  weight_kg numeric CHECK (weight_kg >= 0),
  volume_l numeric CHECK (volume_l >= 0),
  backup_ratio text CHECK (backup_ratio ~ '^[0-9]+:[0-9]+$'),
  standard_refs jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (storage_temp_min_c IS NULL OR storage_temp_max_c IS NULL OR storage_temp_min_c <= storage_temp_max_c)
);
CREATE INDEX item_category_idx ON item (category_id);

CREATE TABLE module_kit (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  code text NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  description text NOT NULL DEFAULT ''
);

CREATE TABLE module_line (
  module_id uuid NOT NULL REFERENCES module_kit (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES item (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  qty integer NOT NULL CHECK (qty > 0),
  PRIMARY KEY (module_id, item_id)
);
