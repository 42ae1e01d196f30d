-- Audit searches (package audit). V2 already has (side, seq) for each of the three organisation
-- columns and (subject_pseudonym, seq): a search scans one side backwards by seq and stops after a
-- page. A purpose filter on a large organisation would make that scan read many rows of other
-- purposes first, so each side also gets (side, purpose, seq). Overrides are looked up by id when
-- an officer reviews what was released under one.
CREATE INDEX log_entry_requesting_purpose_idx ON log_entry (requesting_organisation, purpose, seq)
    WHERE requesting_organisation IS NOT NULL AND purpose IS NOT NULL;
CREATE INDEX log_entry_holder_purpose_idx ON log_entry (holder, purpose, seq)
    WHERE holder IS NOT NULL AND purpose IS NOT NULL;
CREATE INDEX log_entry_recipient_purpose_idx ON log_entry (recipient, purpose, seq)
    WHERE recipient IS NOT NULL AND purpose IS NOT NULL;
CREATE INDEX log_entry_override_idx ON log_entry (override_id, seq) WHERE override_id IS NOT NULL;
