package nl.deelpoort.gateway.console.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.deelpoort.policy.Purpose;
import org.junit.jupiter.api.Test;

/** The resident pages' words exist in both languages, and every purpose is explained in both. */
class ResidentBundleTest {

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ResidentBundleTest.class.getResourceAsStream("/console/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(read("resident_en.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(read("resident.properties").stringPropertyNames()));
    }

    @Test
    void everyPurposeAndConsentStatusHasItsWords() throws IOException {
        Set<String> needed = Arrays.stream(Purpose.values())
                .map(p -> "resident.purposeExplained." + p.name())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String status : new String[] {"ACTIVE", "WITHDRAWN", "EXPIRED", "NOT_YET_VALID"}) {
            needed.add("resident.consent.status." + status);
        }
        assertThat(read("resident.properties").stringPropertyNames()).containsAll(needed);
    }
}
