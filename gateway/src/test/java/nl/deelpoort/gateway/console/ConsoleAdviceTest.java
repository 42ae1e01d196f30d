package nl.deelpoort.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.junit.jupiter.api.Test;

/** The problem page words a refusal by its stable type, in both languages. */
class ConsoleAdviceTest {

    @Test
    void aKnownProblemTypeIsWordedAndAnyOtherGetsTheGeneralSentence() {
        assertThat(ConsoleAdvice.kind(ProblemTypes.LOG_UNAVAILABLE)).isEqualTo("log-unavailable");
        assertThat(ConsoleAdvice.kind(ProblemTypes.NOT_FOUND)).isEqualTo("not-found");
        assertThat(ConsoleAdvice.kind(URI.create("https://example.org/unknown")))
                .isEqualTo("other");
        assertThat(ConsoleAdvice.kind(null)).isEqualTo("other");
    }

    @Test
    void everyWordedKindHasASentenceInDutchAndEnglish() throws IOException {
        for (String bundle : new String[] {"console/messages.properties", "console/messages_en.properties"}) {
            Properties words = new Properties();
            try (var in = new InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                words.load(in);
            }
            for (String kind : ConsoleAdvice.WORDED_KINDS) {
                assertThat(words.getProperty("problem.kind." + kind))
                        .as(bundle + " " + kind)
                        .isNotBlank();
            }
            assertThat(words.getProperty("problem.kind.other")).as(bundle).isNotBlank();
        }
    }
}
