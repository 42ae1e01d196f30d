package nl.deelpoort.casefile.stub;

import java.util.Set;

/** The data categories of docs/domain.md §3, which are the only keys a dossier's {@code sections} may have. */
final class Categories {

    static final Set<String> ALL = Set.of(
            "BSN",
            "PERSONALIA",
            "CONTACT",
            "HOUSEHOLD",
            "REFERRAL",
            "ASSESSMENT",
            "SUPPORT_PLAN",
            "CASE_NOTES",
            "CARE_DEPLOYED",
            "CLOSURE",
            "HEALTH",
            "SAFETY",
            "JUSTICE");

    private Categories() {}
}
