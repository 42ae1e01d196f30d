package nl.deelpoort.policy;

/**
 * The role in which an organisation acts in one request. The same organisation may hold several
 * (the PlusTeam is adviser and care provider, 000:L169) and what may be shared depends on which one
 * it uses.
 */
public enum ActingRole implements Labelled {
    MUNICIPAL_ACCESS("gemeentelijke toegang", "municipal access"),
    ADVISOR("adviseur", "adviser"),
    CARE_PROVIDER("zorgaanbieder", "care provider"),
    CHILD_PROTECTION("jeugdbescherming", "child protection"),
    JUVENILE_PROBATION("jeugdreclassering", "juvenile probation"),
    SAFETY_ADVICE("advies door Veilig Thuis", "advice by Veilig Thuis"),
    SAFETY_INVESTIGATION("onderzoek door Veilig Thuis", "investigation by Veilig Thuis"),
    STATISTICS("statistiek", "statistics");

    private final String labelNl;
    private final String labelEn;

    ActingRole(String labelNl, String labelEn) {
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
