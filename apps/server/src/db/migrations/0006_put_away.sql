-- Put-away: where lots and bulk stock sit in a node (serialised assets carry their slot themselves).
CREATE TABLE slot_placement (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  node_id uuid NOT NULL REFERENCES node (id),
  slot_id uuid NOT NULL REFERENCES slot (id),
  item_id uuid NOT NULL REFERENCES item (id),
  -- the lot, or all zeros for untracked stock
  stock_key uuid NOT NULL,
  placed_at timestamptz NOT NULL,
  PRIMARY KEY (slot_id, item_id, stock_key)
);
CREATE INDEX slot_placement_item_idx ON slot_placement (node_id, item_id);
CREATE INDEX slot_node_idx ON slot (node_id, zone, code);
CREATE INDEX asset_slot_idx ON asset (slot_id) WHERE slot_id IS NOT NULL;
