-- Asset lists by node (optionally by item) come back in code order: serve them from an index in that
-- order, so a page is read straight off the index instead of sorting every asset at the node.
-- (node_id, item_id, code) also answers everything asset_node_item_idx answered.
CREATE INDEX asset_node_item_code_idx ON asset (node_id, item_id, code);
CREATE INDEX asset_node_code_idx ON asset (node_id, code);
DROP INDEX asset_node_item_idx;
