-- Pushed transfers (API.md "Exchanging data"), waiting for or fetched by their recipient
-- organisation. Only the released sections are stored, sealed by the gateway with AES-256-GCM under
-- the key named in key_id (so keys can rotate); the database never sees them in clear. A row is
-- deleted when it is purged (fetched, retention over) or expires (never fetched); the disclosure log
-- keeps the record of both (TRANSFER_PURGED, TRANSFER_EXPIRED).
CREATE TABLE transfer (
    id                     uuid        PRIMARY KEY,
    disclosure_seq         bigint      NOT NULL CHECK (disclosure_seq >= 0),
    sender_organisation    text        NOT NULL,
    sender_role            text        NOT NULL,
    recipient_organisation text        NOT NULL,
    recipient_role         text        NOT NULL,
    purpose                text        NOT NULL,
    categories             text        NOT NULL,
    flow                   text,
    legal_basis            text,
    confidential           boolean     NOT NULL,
    subject_pseudonym      text        NOT NULL,
    key_id                 text        NOT NULL,
    nonce                  bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext             bytea       NOT NULL,
    created_at             timestamptz NOT NULL,
    expires_at             timestamptz NOT NULL,
    delivered_at           timestamptz
);

-- The inbox: a recipient's unfetched transfers, oldest first; housekeeping finds expired and
-- purgeable rows without scanning.
CREATE INDEX transfer_inbox_idx ON transfer (recipient_organisation, created_at) WHERE delivered_at IS NULL;
CREATE INDEX transfer_expiry_idx ON transfer (expires_at) WHERE delivered_at IS NULL;
CREATE INDEX transfer_delivered_idx ON transfer (delivered_at) WHERE delivered_at IS NOT NULL;

-- The gateway stores, reads, marks delivered (that column only) and deletes when purging.
GRANT SELECT, INSERT, DELETE ON transfer TO ${appRole};
GRANT UPDATE (delivered_at) ON transfer TO ${appRole};
