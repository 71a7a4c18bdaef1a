-- Posting speed: per-row foreign-key checks on the three ledger tables cost more than everything else a document does.
-- Their references are checked once per document by the use case (node, items, lots, assets are loaded or
-- created in the same transaction), nothing in Zhanqin deletes nodes, items, lots or assets, and
-- `ledger verify` reports any movement or balance whose references do not exist.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_organisation_id_fkey;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_document_id_fkey;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_node_id_fkey;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_item_id_fkey;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_lot_id_fkey;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_asset_id_fkey;
ALTER TABLE stock_balance DROP CONSTRAINT stock_balance_organisation_id_fkey;
ALTER TABLE stock_balance DROP CONSTRAINT stock_balance_node_id_fkey;
ALTER TABLE stock_balance DROP CONSTRAINT stock_balance_item_id_fkey;
ALTER TABLE stock_balance DROP CONSTRAINT stock_balance_lot_id_fkey;
ALTER TABLE stock_balance DROP CONSTRAINT stock_balance_asset_id_fkey;
ALTER TABLE stock_summary DROP CONSTRAINT stock_summary_organisation_id_fkey;
ALTER TABLE stock_summary DROP CONSTRAINT stock_summary_node_id_fkey;
ALTER TABLE stock_summary DROP CONSTRAINT stock_summary_item_id_fkey;
