package nl.deelpoort.policy;

/** What sort of organisation a party is; flows name holders and recipients by kind or by id. */
public enum OrganisationKind implements Labelled {
    MUNICIPALITY("gemeente", "municipality"),
    SOCIAL_TEAM("sociaal team", "social team"),
    ACCESS_ORGANISATION("toegangsorganisatie", "access organisation"),
    CERTIFIED_INSTITUTION("gecertificeerde instelling", "certified institution"),
    SAFETY_CENTRE("Veilig Thuis", "Veilig Thuis"),
    /** Processes on behalf of a controller and therefore never receives a disclosure itself. */
    PROCESSOR("verwerker", "processor"),
    STATISTICS("statistiekbureau", "statistics office");

    private final String labelNl;
    private final String labelEn;

    OrganisationKind(String labelNl, String labelEn) {
        this.labelNl = labelNl;
        this.labelEn = labelEn;
    }

    @Override
    public String labelNl() {
        return labelNl;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
