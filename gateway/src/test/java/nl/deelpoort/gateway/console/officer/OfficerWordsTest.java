package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.GdprRole;
import nl.deelpoort.policy.ReasonCode;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The officer bundle in both languages: the same keys, a word for every code the pages look up, every
 * message a valid MessageFormat pattern, and the labels read as people read them.
 */
class OfficerWordsTest {

    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    private static final Labels LABELS = new Labels(messages(), FRAMEWORK);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("console/officer");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OfficerWordsTest.class.getResourceAsStream("/console/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryMessageIsAPattern() throws IOException {
        Properties nl = read("officer.properties");
        Properties en = read("officer_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(nl.stringPropertyNames());
        for (Properties p : List.of(nl, en)) {
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.contains("{")) {
                    assertThat(new MessageFormat(text).format(new Object[] {1, "x", "y"}))
                            .as(key)
                            .doesNotContain("{");
                } else {
                    assertThat(text)
                            .as(key + " has no arguments, so its quotes are not doubled")
                            .doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyCodeThePagesLookUpHasAWordInBothLanguages() throws IOException {
        Set<String> keys = read("officer.properties").stringPropertyNames();
        Stream.of(
                        Arrays.stream(EntryKind.values()).map(k -> "officer.kind." + k),
                        Arrays.stream(ReasonCode.values())
                                .filter(c -> c.use() == ReasonCode.Use.DECISION || c.use() == ReasonCode.Use.CONDITION)
                                .map(c -> "officer.reason." + c),
                        Stream.of("PERMIT", "PARTIAL", "DENY").map(d -> "officer.decision." + d),
                        Arrays.stream(GdprRole.values()).map(r -> "officer.gdpr." + r),
                        Arrays.stream(EntryRow.Inclusion.values()).map(i -> "officer.inclusion." + i),
                        Arrays.stream(InclusionView.Status.values()).map(s -> "officer.inclusion.explain." + s),
                        ReviewPages.VIEWS.stream().map(v -> "officer.reviews.none." + v),
                        Stream.of("DAY", "WEEK", "MONTH", "YEAR").map(u -> "officer.statistics.unit." + u))
                .flatMap(s -> s)
                .forEach(key -> assertThat(keys).as("a word for " + key).contains(key));
    }

    @Test
    void codesBecomeWordsInTheViewersLanguage() {
        assertThat(LABELS.kind("OVERRIDE_DECLARED", NL)).isEqualTo("Veiligheidsdoorbraak vastgelegd");
        assertThat(LABELS.kind("OVERRIDE_DECLARED", Locale.ENGLISH)).isEqualTo("Safety override declared");
        assertThat(LABELS.purpose("MDO", NL)).isEqualTo("multidisciplinair overleg");
        assertThat(LABELS.party("plusteam", "ADVISOR", NL)).isEqualTo("GR PlusTeam, als adviseur");
        assertThat(LABELS.categories(List.of("BSN", "CASE_NOTES"), Locale.ENGLISH))
                .isEqualTo("BSN, case notes");
        assertThat(LABELS.kind("SOMETHING_NEW", NL))
                .as("an unknown code is shown as it is")
                .isEqualTo("SOMETHING_NEW");
        assertThat(LABELS.organisation("no-such-organisation")).isEqualTo("no-such-organisation");
    }

    @Test
    void periodsAndRetentionReadAsDays() {
        Instant from = Instant.parse("2026-09-02T22:00:00Z"); // 3 September, 00:00 in Amsterdam
        Instant to = Instant.parse("2026-12-01T23:00:00Z"); // the start of 2 December: up to and including the 1st
        assertThat(LABELS.period(from, to, NL)).isEqualTo("3 september 2026 tot en met 1 december 2026");
        assertThat(LABELS.period(Period.ofYears(7), NL)).isEqualTo("7 jaar");
        assertThat(LABELS.period(Period.of(1, 6, 0), Locale.ENGLISH)).isEqualTo("1 year 6 months");
    }

    @Test
    void intervalsAreNamedByTheirFirstDay() {
        StatisticsPages pages = new StatisticsPages(null, null, LABELS);
        Instant thursday = Instant.parse("2026-09-02T22:00:00Z");
        assertThat(pages.intervalLabel("WEEK", thursday, NL, false)).isEqualTo("week van 3 september 2026");
        assertThat(pages.intervalLabel("WEEK", thursday, NL, true)).isEqualTo("3 sep.");
        assertThat(pages.intervalLabel("MONTH", thursday, Locale.ENGLISH, false))
                .isEqualTo("September 2026");
        assertThat(pages.intervalLabel("YEAR", thursday, NL, true)).isEqualTo("2026");
    }
}
