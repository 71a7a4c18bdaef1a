-- Kits (modules): a sealed box registered as its own asset, whose contents stay on hand but are held in reserve at the box's node and travel with it.

ALTER TABLE stock_document DROP CONSTRAINT stock_document_kind_check;
ALTER TABLE stock_document ADD CONSTRAINT stock_document_kind_check CHECK (kind IN ('receipt', 'transfer', 'adjustment', 'count',
  'quarantine', 'release', 'write-off', 'dispatch', 'issue', 'consumption', 'return', 'opening', 'kit-pack', 'kit-unpack'));

-- One row per packed box: the box is the asset, the packing list it was packed against is its module.
CREATE TABLE kit (
  asset_id uuid PRIMARY KEY REFERENCES asset (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  -- the module whose packing list the box is checked against; null when the kit item has none
  module_id uuid REFERENCES module_kit (id),
  pack_document_id uuid NOT NULL REFERENCES stock_document (id),
  packed_at timestamptz NOT NULL,
  -- set once the box is opened and its contents are free stock again; the content rows stay as a record
  unpack_document_id uuid REFERENCES stock_document (id),
  unpacked_at timestamptz,
  CHECK ((unpack_document_id IS NULL) = (unpacked_at IS NULL))
);

-- What a box holds, per stock unit (asset, else lot, else the untracked remainder). While the box is packed these units
-- are reserved at its node (in transit to its destination while it travels); `ledger verify` checks that they are.
CREATE TABLE kit_content (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  kit_asset_id uuid NOT NULL REFERENCES kit (asset_id),
  item_id uuid NOT NULL REFERENCES item (id),
  lot_id uuid REFERENCES lot (id),
  asset_id uuid REFERENCES asset (id),
  stock_key uuid NOT NULL,
  qty bigint NOT NULL CHECK (qty > 0),
  PRIMARY KEY (kit_asset_id, item_id, stock_key),
  CHECK (asset_id IS NULL OR qty = 1)
);
CREATE INDEX kit_content_asset_idx ON kit_content (asset_id) WHERE asset_id IS NOT NULL;
CREATE INDEX asset_container_idx ON asset (container_asset_id) WHERE container_asset_id IS NOT NULL;
