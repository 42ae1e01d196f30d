package nl.deelpoort.gateway.grounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.TestValidators;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The input rules of the grounds bodies: free text without a BSN, nulls named, days bounded, lists
 * bounded, every broken field at once; and what a valid body becomes.
 */
class RequestsTest {

    private static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), Framework.ZONE);

    /** As Spring builds the validators: those that read the framework or the clock get them. */
    private final RequestValidator requests = TestValidators.requestValidator(FRAMEWORK, CLOCK);

    private static Requests.Consent consent(String evidence, List<String> categories, List<String> recipients) {
        return new Requests.Consent(
                new Requests.ConsentSubject("999993653", "1980-01-01"),
                List.of(new Requests.Giver("SUBJECT", " J. Jansen ")),
                List.of("ESCALATION", "ESCALATION"),
                recipients,
                null,
                categories,
                null,
                "2026-12-01",
                "WRITTEN",
                evidence);
    }

    private static Requests.Measure measure(String birthDate, String validFrom, String courtReference) {
        return new Requests.Measure(
                new Requests.BornSubject("999993653", birthDate), "OTS", courtReference, validFrom, "2027-05-01");
    }

    private List<String> problems(Object body) {
        return requests.problems(body).stream()
                .map(f -> f.field() + ": " + f.problem())
                .toList();
    }

    @Test
    void freeTextHoldingABsnInAnyNotationIsRefusedWithoutEchoingIt() {
        for (String text : List.of(
                "999993653", "scan 999 993 653", "ref 9999.93.653", "999-99-3653", "Moeder van 999993653 trekt in")) {
            List<String> problems = problems(new Requests.Withdrawal(text, new Requests.WithdrawnBy("SUBJECT")));
            assertThat(problems).as(text).containsExactly("reason: " + InputRules.NO_BSN);
            assertThat(problems.toString()).doesNotContain("3653");
        }
    }

    @Test
    void freeTextWithOtherNumbersIsKeptStripped() {
        Requests.Measure measure = measure("2016-01-01", null, " C/01/412345 / JE RK 26-1234 ");
        assertThat(problems(measure)).isEmpty();
        assertThat(measure.command().courtReference()).isEqualTo("C/01/412345 / JE RK 26-1234");
        assertThat(measure.command().validFrom()).isEmpty();

        Requests.Consent consent = consent("scan-2026-0042", List.of("BSN"), List.of("plusteam"));
        assertThat(problems(consent)).isEmpty();
        Commands.GiveConsent command = consent.command();
        assertThat(command.evidenceReference()).contains("scan-2026-0042");
        assertThat(command.givenBy().get(0).name()).isEqualTo("J. Jansen");
        assertThat(command.purposes()).containsExactly(Purpose.ESCALATION);
        assertThat(command.holders()).isEmpty();
        assertThat(command.birthDate()).contains(LocalDate.of(1980, 1, 1));
        assertThat(command.givenBy())
                .singleElement()
                .satisfies(g -> assertThat(g.bsn()).isEmpty());
        assertThat(command.validUntil()).contains(LocalDate.of(2026, 12, 1));
    }

    @Test
    void nullElementsOfAListAreNamedByIndex() {
        assertThat(problems(consent(null, Arrays.asList("BSN", null), Collections.singletonList(null))))
                .containsExactly("recipients[0]: " + InputRules.REQUIRED, "categories[1]: " + InputRules.REQUIRED);
        Requests.Consent nullGiver = new Requests.Consent(
                new Requests.ConsentSubject("999993653", "1980-01-01"),
                Collections.singletonList(null),
                List.of("ESCALATION"),
                List.of("plusteam"),
                null,
                List.of("BSN"),
                null,
                null,
                "WRITTEN",
                null);
        assertThat(problems(nullGiver)).containsExactly("givenBy[0]: " + InputRules.NOT_NULL);
    }

    @Test
    void daysOutsideSensibleYearsAndBirthDatesInTheFutureAreRefused() {
        assertThat(problems(measure("1899-12-31", "+10000-01-01", "C/01/1")))
                .containsExactly(
                        "subject.birthDate: must be a date between 1900-01-01 and 2999-12-31",
                        "validFrom: must be a date between 1900-01-01 and 2999-12-31");
        assertThat(problems(measure(TODAY.plusDays(1).toString(), "22-11-2026", "C/01/1")))
                .containsExactly("subject.birthDate: must not be in the future", "validFrom: " + InputRules.DATE);
        assertThat(problems(measure(TODAY.toString(), TODAY.toString(), "C/01/1")))
                .isEmpty();
    }

    @Test
    void listsNameAtLeastOneAndAtMostAsManyAsThereAreValues() {
        List<String> tooMany = Collections.nCopies(Category.values().length + 1, "BSN");
        assertThat(problems(consent(null, tooMany, List.of())))
                .containsExactly(
                        "recipients: " + Requests.AT_LEAST_ONE,
                        "categories: at most " + Category.values().length + " entries");
    }

    @Test
    void everyBrokenFieldIsRefusedAtOnceWith422() {
        Requests.Override override =
                new Requests.Override(null, "GOSSIP", List.of("nobody"), List.of("BSN"), "LAAG", "999 993 653", 7, 24);
        assertThatThrownBy(() -> requests.valid(override))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidField::field)
                                .containsExactly(
                                        "subject",
                                        "purpose",
                                        "recipients[0]",
                                        "riskLevel",
                                        "justification",
                                        "meldcodeStep"));
        assertThat(problems(new Requests.ReviewQuery("MAYBE", -1, 0)))
                .containsExactly(
                        "reviewStatus: must be one of [PENDING_REVIEW, JUSTIFIED, UNJUSTIFIED]",
                        "page: must not be negative",
                        "size: must be at least 1");
    }

    @Test
    void logAttributesLeaveOutWhatIsAbsent() {
        assertThat(GroundEvents.attributes("a", List.of(Purpose.MDO, Purpose.ESCALATION), "b", null, "c", List.of()))
                .isEqualTo(Map.of("a", "MDO,ESCALATION"));
    }
}
