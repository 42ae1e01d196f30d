-- The disclosure log (DESIGN.md, "The log, in the database"). The ledger module computes the
-- canonical bytes, leaf hashes and subtree hashes; these tables only keep them. The columns next to
-- the canonical bytes are copies of entry fields, for audit searches; the canonical bytes are what
-- the hashes, proofs and checkpoints cover.

CREATE TABLE log_entry (
    seq                     bigint      PRIMARY KEY CHECK (seq >= 0),
    canonical               bytea       NOT NULL,
    leaf_hash               bytea       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    registered_at           timestamptz NOT NULL,
    kind                    text        NOT NULL,
    decision                text,
    purpose                 text,
    legal_basis             text,
    flow                    text,
    requesting_organisation text,
    holder                  text,
    recipient               text,
    subject_pseudonym       text,
    consent_id              text,
    override_id             text,
    measure_id              text,
    confidential            boolean     NOT NULL,
    retention_until         date
);

-- Audit searches filter by subject, by one of the three organisations, by time and by kind, and page
-- by seq; partial indexes keep entries without the value out of the index.
CREATE INDEX log_entry_subject_idx ON log_entry (subject_pseudonym, seq) WHERE subject_pseudonym IS NOT NULL;
CREATE INDEX log_entry_requesting_idx ON log_entry (requesting_organisation, seq) WHERE requesting_organisation IS NOT NULL;
CREATE INDEX log_entry_holder_idx ON log_entry (holder, seq) WHERE holder IS NOT NULL;
CREATE INDEX log_entry_recipient_idx ON log_entry (recipient, seq) WHERE recipient IS NOT NULL;
CREATE INDEX log_entry_registered_idx ON log_entry (registered_at);
CREATE INDEX log_entry_kind_idx ON log_entry (kind, seq);

-- Hashes of the complete aligned subtrees of level >= 1 (leaves [idx*2^level, (idx+1)*2^level));
-- level 0 is log_entry.leaf_hash. About one row per entry, so a proof costs O(log n) index reads.
CREATE TABLE log_subtree (
    level smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
    idx   bigint   NOT NULL CHECK (idx >= 0),
    hash  bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

CREATE TABLE checkpoint (
    tree_size   bigint      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash   bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_note text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Per-subject random secrets behind the pseudonyms (crypto-shredding). Not append-only: forgetting a
-- subject deletes its row, which is the point. The key is HMAC(lookup key, BSN), never the BSN.
CREATE TABLE subject_secret (
    lookup     bytea       PRIMARY KEY CHECK (octet_length(lookup) = 32),
    secret     bytea       NOT NULL CHECK (octet_length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only, enforced by the database itself: the app role lacks the rights, and the triggers stop
-- the owner and superusers too. ENABLE ALWAYS keeps them firing with session_replication_role =
-- replica, the usual way to slip past triggers. (A superuser can still drop a trigger; that is what
-- the Merkle tree and signed checkpoints are for: such a change cannot go unnoticed.)
CREATE FUNCTION log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the disclosure log is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
ALTER TABLE log_entry ENABLE ALWAYS TRIGGER log_entry_append_only;
ALTER TABLE log_entry ENABLE ALWAYS TRIGGER log_entry_no_truncate;

CREATE TRIGGER log_subtree_append_only BEFORE UPDATE OR DELETE ON log_subtree
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_subtree_no_truncate BEFORE TRUNCATE ON log_subtree
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
ALTER TABLE log_subtree ENABLE ALWAYS TRIGGER log_subtree_append_only;
ALTER TABLE log_subtree ENABLE ALWAYS TRIGGER log_subtree_no_truncate;

CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
ALTER TABLE checkpoint ENABLE ALWAYS TRIGGER checkpoint_append_only;
ALTER TABLE checkpoint ENABLE ALWAYS TRIGGER checkpoint_no_truncate;

GRANT SELECT, INSERT ON log_entry, log_subtree, checkpoint TO ${appRole};
GRANT SELECT, INSERT, DELETE ON subject_secret TO ${appRole};
