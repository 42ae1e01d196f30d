package nl.deelpoort.policy;

/** In which capacity someone gives consent for a subject. */
public enum ConsentGiverRole implements Labelled {
    SUBJECT("de betrokkene zelf", "the subject"),
    PARENT_WITH_AUTHORITY("ouder met gezag", "parent with parental authority"),
    GUARDIAN("voogd", "guardian"),
    /** Mentor or curator of an adult. */
    LEGAL_REPRESENTATIVE("wettelijk vertegenwoordiger (mentor, curator)", "legal representative (mentor, curator)");

    private final String labelNl;
    private final String labelEn;

    ConsentGiverRole(String labelNl, String labelEn) {
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
