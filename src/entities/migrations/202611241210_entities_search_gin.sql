-- Person search reads the two GIN indexes on person_records (canonical name keys, trigrams of the folded name) on
-- every query. With GIN's fast update, new rows wait in a pending list (up to gin_pending_list_limit, 4 MB) that
-- every search scans in full and that only VACUUM or an overflowing insert clears: at 1M records this cost each
-- name-key lookup about 4 ms even for a key no record has. Insert into the index directly instead (bulk loads drop
-- and rebuild these indexes, so they do not pay for it), and flush what is pending now.
ALTER INDEX person_records_name_keys_idx SET (fastupdate = off);
ALTER INDEX person_records_name_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('person_records_name_keys_idx'::regclass);
SELECT gin_clean_pending_list('person_records_name_trgm_idx'::regclass);
