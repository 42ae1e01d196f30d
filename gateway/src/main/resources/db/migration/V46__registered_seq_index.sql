-- Audit periods as seq ranges (audit.AuditQueries). registered_at never decreases as seq grows (the
-- sequencer stamps it under the append lock), so the entries of a period [from, to) are exactly those
-- from the first seq registered at or after `from` up to (not including) the first seq registered at
-- or after `to`. Each of those two seqs is the first tuple of one index scan on (registered_at, seq);
-- with the range known, a search walks (side, purpose, seq) or (side, seq) from the period's end
-- instead of from the newest entry. This index serves every query the V2 index on (registered_at)
-- served, so it replaces it rather than adding a second one for the sequencer to maintain.
CREATE INDEX log_entry_registered_seq_idx ON log_entry (registered_at, seq);
DROP INDEX log_entry_registered_idx;
