package nl.deelpoort.policy;

/** In which capacity someone gives consent for a subject. */
public enum ConsentGiverRole implements Labelled {
    SUBJECT,
    PARENT_WITH_AUTHORITY,
    GUARDIAN,
    /** Mentor or curator of an adult. */
    LEGAL_REPRESENTATIVE
}
