-- Document headers are written only by ledger use cases, which load the organisation and both nodes a
-- document names in the same transaction, and nothing in Zhanqin deletes organisations or nodes. Their
-- per-row foreign-key checks were a third of a document INSERT (500 receipts on PostgreSQL: 7.8 of
-- 19.5 ms), so, as for the ledger tables in 0008 and lots and assets in 0010, `ledger verify` checks
-- these references instead. References to documents (kits, movements checked by verify) are unchanged.
ALTER TABLE stock_document DROP CONSTRAINT stock_document_organisation_id_fkey;
ALTER TABLE stock_document DROP CONSTRAINT stock_document_node_id_fkey;
ALTER TABLE stock_document DROP CONSTRAINT stock_document_to_node_id_fkey;
