package nl.deelpoort.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A permitted movement of data: these categories, from a holder to a recipient, for a purpose, on a
 * legal basis, under an agreement. Anything no flow covers is refused.
 *
 * @param consentRequired the subject's consent must cover each category
 * @param overridable a safety override may stand in for missing consent
 * @param needsMeasure an active child-protection measure registered by the recipient is required
 * @param confidential decisions under this flow are hidden from the subject's own view
 * @param noIdentifyingCategories identifying categories are refused even if asked for
 * @param source the sentence(s) in the seed documents this flow rests on, e.g. {@code 000:L168}
 */
public record Flow(
        String id,
        String agreementId,
        Purpose purpose,
        FlowSide holder,
        FlowSide recipient,
        Set<Category> categories,
        LegalBasis legalBasis,
        boolean consentRequired,
        boolean overridable,
        boolean needsMeasure,
        boolean confidential,
        boolean noIdentifyingCategories,
        String source) {
    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(source, "source");
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    public boolean names(Category category) {
        return categories.contains(category);
    }
}
