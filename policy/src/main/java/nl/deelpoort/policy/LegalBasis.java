package nl.deelpoort.policy;

/** The ground of a flow under AVG art. 6, as recorded with every decision and in the register. */
public enum LegalBasis implements Labelled {
    CONSENT("toestemming (art. 6 lid 1 sub a AVG)", "consent (GDPR art. 6(1)(a))"),
    LEGAL_OBLIGATION("wettelijke verplichting (art. 6 lid 1 sub c AVG)", "legal obligation (GDPR art. 6(1)(c))"),
    PUBLIC_TASK("publieke taak (art. 6 lid 1 sub e AVG)", "public task (GDPR art. 6(1)(e))"),
    LEGAL_TASK(
            "wettelijke taak of meldrecht (art. 6 lid 1 sub e AVG)",
            "statutory task or right to report (GDPR art. 6(1)(e))"),
    CHILD_PROTECTION_MEASURE(
            "uitvoering van een kinderbeschermingsmaatregel (art. 6 lid 1 sub e AVG)",
            "carrying out a child protection measure (GDPR art. 6(1)(e))");

    private final String labelNl;
    private final String labelEn;

    LegalBasis(String labelNl, String labelEn) {
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
