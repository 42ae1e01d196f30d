package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written check of an organisation id says exactly what the rule's regular expression says. */
class OrganisationIdTest {

    @Test
    void theHandWrittenCheckAgreesWithTheRuleOnRandomAndEdgeCases() {
        String alphabet = "abz09-A_ é.-";
        Random random = new Random(20261201);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 70 : 9);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            boolean expected =
                    s.length() <= 64 && OrganisationId.PATTERN.matcher(s).matches();
            assertThat(OrganisationId.isValid(s)).as("'%s'", s).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the random ids include valid ones").isGreaterThan(1_000);
        for (String s : new String[] {"", "-", "a", "a-", "-a", "a--b", "a-b", "gemeente-waalre", "a".repeat(64)}) {
            assertThat(OrganisationId.isValid(s))
                    .as("'%s'", s)
                    .isEqualTo(OrganisationId.PATTERN.matcher(s).matches());
        }
        assertThat(OrganisationId.isValid("a".repeat(65))).isFalse();
        assertThat(OrganisationId.isValid(null)).isFalse();
    }

    @Test
    void anInvalidIdIsRefusedByTheConstructor() {
        assertThat(OrganisationId.of("veilig-thuis").value()).isEqualTo("veilig-thuis");
        assertThatThrownBy(() -> OrganisationId.of("Veilig-Thuis")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrganisationId.of("veilig--thuis")).isInstanceOf(IllegalArgumentException.class);
    }
}
