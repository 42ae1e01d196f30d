package nl.deelpoort.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.time.Instant;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditRequests.SampleRequest;
import nl.deelpoort.gateway.audit.AuditRequests.SubjectRef;
import nl.deelpoort.gateway.audit.AuditRequests.TimelineRequest;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;

/** The audit bodies' rules and the typed queries they become, without Spring. */
class AuditRequestsTest {

    private final RequestValidator validator =
            new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void everyBrokenFieldOfASampleIsNamedAtOnce() {
        assertThat(validator.problems(new SampleRequest("yesterday", null, 500, "q3 2026")))
                .containsExactly(
                        new InvalidField("from", Period.FORM),
                        new InvalidField("to", InputRules.REQUIRED),
                        new InvalidField("size", AuditRequests.SIZE),
                        new InvalidField("seed", AuditRequests.SEED));
        assertThat(validator.problems(new SampleRequest(null, null, null, null)))
                .extracting(InvalidField::problem)
                .containsOnly(InputRules.REQUIRED);
        assertThat(validator.problems(null)).containsExactly(new InvalidField("", InputRules.BODY_REQUIRED));
    }

    @Test
    void aSeedIsLoggedSoItIsNeverABsn() {
        assertThat(validator.problems(new SampleRequest("2026-01-01", "2026-03-31", 10, "q3-999993653")))
                .containsExactly(new InvalidField("seed", InputRules.NO_BSN));
        assertThat(validator.problems(new SampleRequest("2026-01-01", "2026-03-31", 10, "q3-2026_b")))
                .isEmpty();
    }

    @Test
    void aDateIsAWholeDayInAmsterdamAndADateTimeIsTakenAsIs() {
        SampleRequest body = new SampleRequest("2026-01-01", "2026-03-31", 10, "s");
        AuditRequests.Sample sample = body.command();
        assertThat(sample.period().from()).contains(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(sample.period().to()).contains(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(new Period.Closed("2026-03-01T10:00:00+01:00", "2026-03-01T10:00:00.5Z").start())
                .contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(validator.problems(new Period.Closed("2026-03-01", "2026-03-01")))
                .isEmpty();
    }

    @Test
    void theEndMustComeAfterTheStart() {
        assertThat(validator.problems(new Period.Closed("2026-03-02", "2026-03-01")))
                .containsExactly(new InvalidField("to", Period.ORDER));
        assertThat(validator.problems(new Period.Closed("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z")))
                .containsExactly(new InvalidField("to", Period.ORDER));
        assertThat(validator.problems(new Period.Closed("never", "")))
                .containsExactly(new InvalidField("from", Period.FORM), new InvalidField("to", InputRules.REQUIRED));
    }

    @Test
    void aTimelineNeedsAValidSubjectAndNeverRepeatsIt() {
        assertThat(validator.problems(new TimelineRequest(null, null, null)))
                .containsExactly(new InvalidField("subject", InputRules.REQUIRED));
        assertThat(validator.problems(new TimelineRequest(new SubjectRef("123456789"), "2026-01-01", null)))
                .containsExactly(new InvalidField("subject.bsn", InputRules.BSN));
        AuditFilter filter = new TimelineRequest(new SubjectRef("999993653"), null, "2026-01-01").command();
        assertThat(filter.subject()).contains(Bsn.of("999993653"));
        assertThat(filter.from()).isEmpty();
        assertThat(filter.attributes()).containsOnlyKeys("to").doesNotContainValue("999993653");
    }

    @Test
    void aPeriodIsLoggedAsItsInstants() {
        Period.Closed closed = new Period.Closed("2026-01-01", "2026-01-01");
        AuditFilter period = AuditFilter.of(Optional.empty(), closed.start(), closed.end());
        assertThat(period.subject()).isEmpty();
        assertThat(period.attributes())
                .containsExactly(
                        java.util.Map.entry("from", "2025-12-31T23:00:00Z"),
                        java.util.Map.entry("to", "2026-01-01T23:00:00Z"));
        assertThat(period.organisation()).isEqualTo(Optional.empty());
    }
}
