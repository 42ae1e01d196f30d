package nl.deelpoort.policy;

/** What sort of organisation a party is; flows name holders and recipients by kind or by id. */
public enum OrganisationKind implements Labelled {
    MUNICIPALITY,
    SOCIAL_TEAM,
    ACCESS_ORGANISATION,
    CERTIFIED_INSTITUTION,
    SAFETY_CENTRE,
    /** Processes on behalf of a controller and therefore never receives a disclosure itself. */
    PROCESSOR,
    STATISTICS
}
