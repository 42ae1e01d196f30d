package nl.deelpoort.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
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
 * @param sources the sentences of the policy documents this flow rests on, at least one
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
        List<SourceQuote> sources) {
    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(legalBasis, "legalBasis");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("flow " + id + " rests on no source sentence");
        }
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** Where the flow rests, as references only: {@code "000:L168, 000:L484"}. */
    public String source() {
        return SourceQuote.refs(sources);
    }

    public boolean names(Category category) {
        return categories.contains(category);
    }
}
