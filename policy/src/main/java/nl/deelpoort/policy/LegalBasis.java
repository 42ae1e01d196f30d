package nl.deelpoort.policy;

/** The ground of a flow under AVG art. 6, as recorded with every decision and in the register. */
public enum LegalBasis implements Labelled {
    CONSENT,
    LEGAL_OBLIGATION,
    PUBLIC_TASK,
    LEGAL_TASK,
    CHILD_PROTECTION_MEASURE
}
