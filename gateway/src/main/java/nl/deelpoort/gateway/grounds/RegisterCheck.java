package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.deelpoort.policy.AuthorityKind;

/**
 * How a consent's givers were checked against the population register (BRP), as recorded with the consent and in its
 * log entry: facts, never BSNs. docs/population-register.md.
 *
 * @param source whether and how the register was consulted
 * @param checkedAt when the register answered ({@link Source#BRP}) or could not be asked ({@link Source#UNVERIFIED})
 * @param ageAtConsent the subject's age by the register's birth date on the day of the consent
 * @param authority who holds authority over the subject by the register
 * @param givers what the register says of each giver, in the order of {@code givenBy}
 */
public record RegisterCheck(
        Source source, Instant checkedAt, Integer ageAtConsent, AuthorityKind authority, List<GiverRelation> givers) {

    public RegisterCheck {
        Objects.requireNonNull(source, "source");
        givers = givers == null ? List.of() : List.copyOf(givers);
    }

    public enum Source {
        /** The deployment does not consult the register: the entered birth date was used. */
        NONE,
        /** Checked against the register's answer. */
        BRP,
        /** The register could not be asked; recorded on the entered birth date, for a privacy officer to review. */
        UNVERIFIED
    }

    /** What the register says of one giver. */
    public enum GiverRelation {
        /** The subject themself. */
        SUBJECT,
        /** A parent the register names as holding authority. */
        REGISTERED_PARENT,
        /** A guardian or co-holder the register names by BSN. */
        REGISTERED_GUARDIAN,
        /** A guardian institution, which the register names without a BSN. */
        REGISTERED_GUARDIAN_INSTITUTION,
        /** Someone the register's gezag answer does not cover: a mentor or curator. */
        NOT_IN_REGISTER,
        /** Not checked: the register could not be asked. */
        UNVERIFIED
    }

    static RegisterCheck none() {
        return new RegisterCheck(Source.NONE, null, null, null, List.of());
    }

    boolean unverified() {
        return source == Source.UNVERIFIED;
    }
}
