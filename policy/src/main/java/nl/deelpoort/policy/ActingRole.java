package nl.deelpoort.policy;

/**
 * The role in which an organisation acts in one request. The same organisation may hold several
 * (the PlusTeam is adviser and care provider, 000:L169) and what may be shared depends on which one
 * it uses.
 */
public enum ActingRole implements Labelled {
    MUNICIPAL_ACCESS,
    ADVISOR,
    CARE_PROVIDER,
    CHILD_PROTECTION,
    JUVENILE_PROBATION,
    SAFETY_ADVICE,
    SAFETY_INVESTIGATION,
    STATISTICS
}
