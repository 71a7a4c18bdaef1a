-- Document numbers are looked up by prefix as well (a keeper types the end of a number read off a note, the
-- transfers list filters by the beginning): a pattern index serves `number LIKE 'TR-2026-0001%'`.
CREATE INDEX stock_document_number_prefix_idx ON stock_document (number text_pattern_ops);
