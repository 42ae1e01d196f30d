package nl.deelpoort.policy;

/** The role of a party in an agreement under the AVG. */
public enum GdprRole {
    CONTROLLER,
    PROCESSOR,
    SUB_PROCESSOR
}
