package nl.deelpoort.policy;

import java.util.Objects;
import java.util.Set;

/**
 * What the population register says about authority (gezag) over one subject: the kind, the parents
 * who hold it and the third parties (co-holder or guardian) the register names. BSNs are only
 * compared, never shown: {@link Bsn#toString()} hides them.
 *
 * @param parents the parents holding authority
 * @param thirdParties third parties with a BSN: the co-holder of {@link AuthorityKind#PARENT_AND_THIRD_PARTY}
 *     or the guardians of {@link AuthorityKind#GUARDIANSHIP}
 * @param thirdPartyWithoutBsn a third party the register names without a BSN (an institution acting
 *     as guardian, or one the register does not identify)
 */
public record RegisteredAuthority(
        AuthorityKind kind, Set<Bsn> parents, Set<Bsn> thirdParties, boolean thirdPartyWithoutBsn) {
    public RegisteredAuthority {
        Objects.requireNonNull(kind, "kind");
        parents = Set.copyOf(parents);
        thirdParties = Set.copyOf(thirdParties);
    }

    public static RegisteredAuthority none(AuthorityKind kind) {
        return new RegisteredAuthority(kind, Set.of(), Set.of(), false);
    }

    /** A third party is there to act as guardian or co-holder. */
    boolean namesAThirdParty() {
        return !thirdParties.isEmpty() || thirdPartyWithoutBsn;
    }
}
