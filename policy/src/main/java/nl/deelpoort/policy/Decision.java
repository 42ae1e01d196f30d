package nl.deelpoort.policy;

/** Outcome of a decision: all requested categories, some of them, or none. */
public enum Decision {
    PERMIT,
    PARTIAL,
    DENY
}
