-- Legal grounds (DOMAIN §5): consents, safety overrides and child-protection measures. Every table is
-- a table of events, never edited: a consent is given (consent) and perhaps withdrawn
-- (consent_withdrawal); an override is declared, perhaps ended early and reviewed; a measure is
-- registered and perhaps ended. Current states (ACTIVE, WITHDRAWN, EXPIRED, ...) are derived when read.
-- The app role therefore gets SELECT and INSERT only, and a follow-up event for the same ground is
-- at most one row (the primary key is the ground's id), so two concurrent withdrawals cannot both win.
--
-- The subject is stored as its log pseudonym only, never the BSN: forgetting a subject (destroying
-- its pseudonym secret) unlinks these rows exactly as it unlinks the log entries.
--
-- Dates are days in Europe/Amsterdam; valid_until is the exclusive end day (the policy module's
-- convention for consents: a consent from 2026-01-01 for twelve months ends at the start of 2027-01-01).

CREATE TABLE consent (
    id                    uuid        PRIMARY KEY,
    subject_pseudonym     text        NOT NULL,
    -- Who gave it: roles and (optional) names, element by element.
    given_by_roles        text[]      NOT NULL CHECK (cardinality(given_by_roles) > 0),
    given_by_names        text[]      NOT NULL CHECK (cardinality(given_by_names) = cardinality(given_by_roles)),
    purposes              text[]      NOT NULL CHECK (cardinality(purposes) > 0),
    recipients            text[]      NOT NULL CHECK (cardinality(recipients) > 0),
    holders               text[]      NOT NULL,
    categories            text[]      NOT NULL CHECK (cardinality(categories) > 0),
    valid_from            date        NOT NULL,
    valid_until           date        NOT NULL CHECK (valid_until > valid_from),
    method                text        NOT NULL,
    evidence_reference    text,
    recorded_by_org       text        NOT NULL,
    recorded_by_user      text        NOT NULL,
    recorded_at           timestamptz NOT NULL,
    disclosure_id         bigint      NOT NULL
);
CREATE INDEX consent_subject_idx ON consent (subject_pseudonym);

CREATE TABLE consent_withdrawal (
    consent_id            uuid        PRIMARY KEY REFERENCES consent (id),
    withdrawn_at          timestamptz NOT NULL,
    reason                text        NOT NULL,
    withdrawn_by_role     text        NOT NULL,
    recorded_by_org       text        NOT NULL,
    recorded_by_user      text        NOT NULL,
    disclosure_id         bigint      NOT NULL
);

CREATE TABLE safety_override (
    id                    uuid        PRIMARY KEY,
    subject_pseudonym     text        NOT NULL,
    declaring_org         text        NOT NULL,
    declared_by_user      text        NOT NULL,
    purpose               text        NOT NULL,
    recipients            text[]      NOT NULL CHECK (cardinality(recipients) > 0),
    categories            text[]      NOT NULL CHECK (cardinality(categories) > 0),
    risk_level            text        NOT NULL,
    justification         text        NOT NULL,
    meldcode_step         smallint,
    declared_at           timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL CHECK (expires_at > declared_at),
    disclosure_id         bigint      NOT NULL
);
CREATE INDEX safety_override_subject_idx ON safety_override (subject_pseudonym);
-- The privacy officers' review queue lists the overrides of one organisation, newest first.
CREATE INDEX safety_override_declaring_idx ON safety_override (declaring_org, declared_at DESC);

CREATE TABLE override_end (
    override_id           uuid        PRIMARY KEY REFERENCES safety_override (id),
    ended_at              timestamptz NOT NULL,
    ended_by_org          text        NOT NULL,
    ended_by_user         text        NOT NULL,
    disclosure_id         bigint      NOT NULL
);

CREATE TABLE override_review (
    override_id           uuid        PRIMARY KEY REFERENCES safety_override (id),
    verdict               text        NOT NULL CHECK (verdict IN ('JUSTIFIED', 'UNJUSTIFIED')),
    note                  text        NOT NULL,
    reviewed_at           timestamptz NOT NULL,
    reviewed_by_org       text        NOT NULL,
    reviewed_by_user      text        NOT NULL,
    disclosure_id         bigint      NOT NULL
);

CREATE TABLE measure (
    id                    uuid        PRIMARY KEY,
    subject_pseudonym     text        NOT NULL,
    type                  text        NOT NULL,
    court_reference       text        NOT NULL,
    valid_from            date        NOT NULL,
    valid_until           date        NOT NULL CHECK (valid_until > valid_from),
    registered_by_org     text        NOT NULL,
    registered_by_user    text        NOT NULL,
    registered_at         timestamptz NOT NULL,
    disclosure_id         bigint      NOT NULL
);
CREATE INDEX measure_subject_idx ON measure (subject_pseudonym);

CREATE TABLE measure_end (
    measure_id            uuid        PRIMARY KEY REFERENCES measure (id),
    ended_at              timestamptz NOT NULL,
    ended_by_org          text        NOT NULL,
    ended_by_user         text        NOT NULL,
    disclosure_id         bigint      NOT NULL
);

GRANT SELECT, INSERT ON consent, consent_withdrawal, safety_override, override_end, override_review, measure,
    measure_end TO ${appRole};
