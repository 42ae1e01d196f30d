package nl.deelpoort.policy;

/**
 * A section of a case file: the unit in which data is released or withheld.
 *
 * <p>{@link #isIdentifying()} is true for the categories that on their own point at a person or
 * household: the BSN, the personalia (name, birth date, address), contact details and the
 * household (names of members and who holds parental authority). The others describe a situation
 * and are meant to be discussable without these; a flow marked {@code noIdentifyingCategories}
 * (the anonymous consultation of Veilig Thuis, F7) refuses the identifying ones.
 */
public enum Category implements Labelled {
    BSN("BSN", "BSN", false, true),
    PERSONALIA("naam, geboortedatum en adres", "name, birth date and address", false, true),
    CONTACT("contactgegevens", "contact details", false, true),
    HOUSEHOLD("gezinssamenstelling en gezag", "household and parental authority", false, true),
    REFERRAL("aanmelding", "referral", false, false),
    ASSESSMENT("taxatie van risico en zelfredzaamheid", "assessment of risk and self-reliance", false, false),
    SUPPORT_PLAN("gezinsplan", "support plan", false, false),
    CASE_NOTES("journaal", "case notes", false, false),
    CARE_DEPLOYED("ingezette zorg", "care deployed", false, false),
    CLOSURE("afsluiting", "closure", false, false),
    /** Special category of personal data, AVG art. 9. */
    HEALTH("gezondheidsgegevens", "health data", true, false),
    SAFETY("veiligheidssignalen en meldingen", "safety signals and reports", false, false),
    /** Criminal-law data, AVG art. 10. */
    JUSTICE("strafrechtelijke gegevens", "criminal-law data", true, false);

    private final String labelNl;
    private final String labelEn;
    private final boolean special;
    private final boolean identifying;

    Category(String labelNl, String labelEn, boolean special, boolean identifying) {
        this.labelNl = labelNl;
        this.labelEn = labelEn;
        this.special = special;
        this.identifying = identifying;
    }

    /** AVG art. 9/10 data: only released where a flow names the category explicitly. */
    public boolean isSpecial() {
        return special;
    }

    /** Points at a person or household on its own; see the class comment. */
    public boolean isIdentifying() {
        return identifying;
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
