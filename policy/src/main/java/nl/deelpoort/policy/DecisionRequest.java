package nl.deelpoort.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One question to the engine: may these categories move from holder to recipient for this purpose
 * now?
 *
 * @param holderRole the role the holder acts in; when empty, any role of the holder that a flow
 *     accepts (a pull from a holder takes the holder's role from the flow). When the caller is the
 *     holder, its acting role is the holder role.
 * @param subjectPseudonym the person concerned; when empty the question is general ("is there a flow
 *     at all?"): consent and measures are not checked and the result lists the grounds that would
 *     be needed as {@link DecisionResult#conditions()}
 */
public record DecisionRequest(
        Caller caller,
        OrganisationId holder,
        Optional<ActingRole> holderRole,
        OrganisationId recipient,
        ActingRole recipientRole,
        Purpose purpose,
        Set<Category> categories,
        Instant time,
        Optional<String> subjectPseudonym,
        Facts facts) {
    public DecisionRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(holderRole, "holderRole");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipientRole, "recipientRole");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(facts, "facts");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one category");
        }
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
        if (subjectPseudonym.isPresent() && subjectPseudonym.get().isBlank()) {
            throw new IllegalArgumentException("subjectPseudonym must not be blank");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for readability at call sites; every field except holderRole, subject and facts is required. */
    public static final class Builder {
        private Caller caller;
        private OrganisationId holder;
        private ActingRole holderRole;
        private OrganisationId recipient;
        private ActingRole recipientRole;
        private Purpose purpose;
        private Set<Category> categories = Set.of();
        private Instant time;
        private String subjectPseudonym;
        private Facts facts = Facts.none();

        private Builder() {}

        public Builder caller(OrganisationId organisation, ActingRole role, String userId) {
            this.caller = new Caller(organisation, role, userId);
            return this;
        }

        public Builder holder(OrganisationId holder) {
            this.holder = holder;
            return this;
        }

        public Builder holderRole(ActingRole holderRole) {
            this.holderRole = holderRole;
            return this;
        }

        public Builder recipient(OrganisationId recipient, ActingRole role) {
            this.recipient = recipient;
            this.recipientRole = role;
            return this;
        }

        public Builder purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder categories(Set<Category> categories) {
            this.categories = categories;
            return this;
        }

        public Builder categories(Category first, Category... rest) {
            this.categories = EnumSet.of(first, rest);
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder subject(String pseudonym) {
            this.subjectPseudonym = pseudonym;
            return this;
        }

        public Builder facts(Facts facts) {
            this.facts = facts;
            return this;
        }

        public DecisionRequest build() {
            return new DecisionRequest(
                    caller,
                    holder,
                    Optional.ofNullable(holderRole),
                    recipient,
                    recipientRole,
                    purpose,
                    categories,
                    time,
                    Optional.ofNullable(subjectPseudonym),
                    facts);
        }
    }
}
