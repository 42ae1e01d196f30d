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
    BSN(false, true),
    PERSONALIA(false, true),
    CONTACT(false, true),
    HOUSEHOLD(false, true),
    REFERRAL(false, false),
    ASSESSMENT(false, false),
    SUPPORT_PLAN(false, false),
    CASE_NOTES(false, false),
    CARE_DEPLOYED(false, false),
    CLOSURE(false, false),
    /** Special category of personal data, AVG art. 9. */
    HEALTH(true, false),
    SAFETY(false, false),
    /** Criminal-law data, AVG art. 10. */
    JUSTICE(true, false);

    private final boolean special;
    private final boolean identifying;

    Category(boolean special, boolean identifying) {
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
}
