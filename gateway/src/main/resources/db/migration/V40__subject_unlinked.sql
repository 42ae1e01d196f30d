-- Forgetting a subject per controller (logstore.SubjectPseudonyms#forget). Several organisations may
-- have processed the same subject, each answering for its own processing, so "forget" by organisation
-- A only unlinks the subject for A: a row here says that A unlinked it at the seq of A's
-- SUBJECT_FORGOTTEN entry, and A's audit calls by BSN then find only A's entries after that seq. The
-- subject's secret (subject_secret, V2) is destroyed only once every organisation that appears in the
-- subject's entries has unlinked it; the rows of that subject go with it, so nothing keyed by the BSN
-- is left.
--
-- Keyed by the same HMAC of the BSN as subject_secret, never the BSN. Not append-only: the global
-- shred deletes rows, and a controller that unlinks a subject a second time (after processing it
-- again) replaces its row (DELETE then INSERT, so the app role needs no UPDATE).

CREATE TABLE subject_unlinked (
    lookup       bytea  NOT NULL CHECK (octet_length(lookup) = 32)
                        REFERENCES subject_secret (lookup) ON DELETE CASCADE,
    organisation text   NOT NULL,
    unlinked_seq bigint NOT NULL CHECK (unlinked_seq >= 0),
    PRIMARY KEY (lookup, organisation)
);

GRANT SELECT, INSERT, DELETE ON subject_unlinked TO ${appRole};
