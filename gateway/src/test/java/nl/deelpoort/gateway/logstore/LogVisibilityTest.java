package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;

class LogVisibilityTest {

    private static final Optional<OrganisationId> PLUSTEAM = Optional.of(OrganisationId.of("plusteam"));

    private static Caller caller(Optional<OrganisationId> organisation, String role) {
        return new Caller("s", "u", "c", organisation, Set.of(role), Optional.empty(), Optional.empty());
    }

    @Test
    void anOrganisationSeesEntriesInFullWhereItIsRequesterHolderOrRecipient() {
        assertThat(LogVisibility.fullFor(PLUSTEAM, "plusteam", null, null)).isTrue();
        assertThat(LogVisibility.fullFor(PLUSTEAM, "gemeente-waalre", "plusteam", "porthos"))
                .isTrue();
        assertThat(LogVisibility.fullFor(PLUSTEAM, "gemeente-waalre", "gemeente-waalre", "plusteam"))
                .isTrue();
        assertThat(LogVisibility.fullFor(PLUSTEAM, "plusteam-x", "veilig-thuis", null))
                .isFalse();
        assertThat(LogVisibility.fullFor(PLUSTEAM, null, null, null)).isFalse();
    }

    @Test
    void withoutAnOrganisationEveryEntryIsRedacted() {
        assertThat(LogVisibility.fullFor(Optional.empty(), "plusteam", "plusteam", "plusteam"))
                .isFalse();
        assertThat(LogVisibility.viewer(caller(Optional.empty(), Caller.GATEWAY_ADMIN)))
                .isEmpty();
    }

    @Test
    void onlyAPrivacyOfficerViewsForTheirOrganisation() {
        assertThat(LogVisibility.viewer(caller(PLUSTEAM, Caller.PRIVACY_OFFICER)))
                .isEqualTo(PLUSTEAM);
        assertThat(LogVisibility.viewer(caller(PLUSTEAM, Caller.GATEWAY_ADMIN))).isEmpty();
    }
}
