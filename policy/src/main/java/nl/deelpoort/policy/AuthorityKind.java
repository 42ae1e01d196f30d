package nl.deelpoort.policy;

/**
 * Who holds authority (gezag) over a minor according to the population register (BRP), as the
 * register's gezag information product types it. The labels say it in plain words.
 */
public enum AuthorityKind implements Labelled {
    /** One parent alone (EenhoofdigOuderlijkGezag). */
    ONE_PARENT,
    /** Both parents together (GezamenlijkOuderlijkGezag). */
    BOTH_PARENTS,
    /** One parent together with a third person (GezamenlijkGezag). */
    PARENT_AND_THIRD_PARTY,
    /** A guardian, person or institution (Voogdij). */
    GUARDIANSHIP,
    /** Temporarily nobody (TijdelijkGeenGezag), for example after a parent died. */
    TEMPORARILY_NONE,
    /** The register cannot tell (GezagNietTeBepalen). */
    UNDETERMINED,
    /** The register names no authority over this person: an adult, or no answer on gezag. */
    NONE_REGISTERED
}
