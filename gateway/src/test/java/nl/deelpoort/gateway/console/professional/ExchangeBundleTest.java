package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.deelpoort.policy.Decision;
import org.junit.jupiter.api.Test;

/**
 * The exchange pages' words exist in Dutch and English alike, including every key the code builds
 * from a value (a decision, a problem type, a form field), which a template would otherwise show as
 * {@code ??key??}.
 */
class ExchangeBundleTest {

    private static final List<String> PREFIXES = List.of("exchange.", "share.", "inbox.", "transfer.");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(
                ExchangeBundleTest.class.getResourceAsStream("/console/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> ours(Properties p) {
        return p.stringPropertyNames().stream()
                .filter(k -> PREFIXES.stream().anyMatch(k::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void dutchAndEnglishHaveTheSameKeysAndNoEmptyOnes() throws IOException {
        Properties nl = bundle("professional");
        Properties en = bundle("professional_en");
        assertThat(ours(en)).isEqualTo(ours(nl));
        for (String key : ours(nl)) {
            assertThat(nl.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyTheCodeBuildsExists() throws IOException {
        List<String> built = new ArrayList<>();
        for (Decision d : Decision.values()) {
            built.add("exchange.decision." + d.name());
            built.add("exchange.decision." + d.name() + ".text");
        }
        ExchangeRefusal.WORDED.forEach(slug -> built.add("exchange.problem." + slug));
        built.add("exchange.problem.other");
        for (String field : List.of(
                "bsn",
                "purpose",
                "holder",
                "recipient",
                "categories",
                "overrideId",
                "senderRole",
                "sections",
                "section",
                "other")) {
            built.add("exchange.invalid." + field);
        }
        built.addAll(List.of("inbox.value.empty", "inbox.value.yes", "inbox.value.no"));
        assertThat(ours(bundle("professional"))).containsAll(built);
    }
}
