package nl.deelpoort.ledger;

/**
 * What a log entry records (docs/domain.md, "The disclosure log"). The names are written as-is into the
 * canonical bytes.
 */
public enum EntryKind {
    DISCLOSURE,
    TRANSFER,
    RECEIPT,
    EVALUATION,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    CONSENT_EXPIRED,
    OVERRIDE_DECLARED,
    OVERRIDE_ENDED,
    OVERRIDE_REVIEWED,
    MEASURE_REGISTERED,
    MEASURE_ENDED,
    SUBJECT_FORGOTTEN,
    AUDIT_QUERY,
    DELIVERY_FAILED,
    TRANSFER_PURGED,
    TRANSFER_EXPIRED
}
