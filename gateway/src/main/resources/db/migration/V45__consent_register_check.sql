-- Consents checked against the population register (BRP API Personen), docs/population-register.md.
-- What the check found is recorded with the consent as facts, never as BSNs: whether and when the
-- register was consulted, the subject's age by its birth date on the day of the consent, who holds
-- authority (gezag) by the register, and per giver (element by element with given_by_roles) what the
-- register says of them. The BSNs of parents and guardians are compared and dropped.
--
-- register_check: NONE (the deployment does not consult the register), BRP (checked), UNVERIFIED (the
-- register could not be asked and the deployment records such consents for a privacy officer to
-- review). Consents recorded before this migration were not checked: NONE.
ALTER TABLE consent
    ADD COLUMN register_check      text        NOT NULL DEFAULT 'NONE'
        CHECK (register_check IN ('NONE', 'BRP', 'UNVERIFIED')),
    ADD COLUMN register_checked_at timestamptz,
    ADD COLUMN register_age        integer,
    ADD COLUMN register_authority  text,
    ADD COLUMN given_by_register   text[]      NOT NULL DEFAULT '{}',
    ADD CONSTRAINT consent_register_checked CHECK (register_check = 'NONE' OR register_checked_at IS NOT NULL),
    ADD CONSTRAINT consent_register_givers CHECK (
        register_check <> 'BRP' OR cardinality(given_by_register) = cardinality(given_by_roles));

-- The privacy officers' review items: the unverified consents their organisation recorded.
CREATE INDEX consent_unverified_idx ON consent (recorded_by_org, recorded_at DESC) WHERE register_check = 'UNVERIFIED';
