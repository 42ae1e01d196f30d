package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The last look at a problem detail: no instance, and no BSN in detail or invalid fields. */
class ProblemBodiesTest {

    private static final String BSN = "999993653";

    @Test
    void theInstanceSpringFillsWithThePathIsRemoved() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
        p.setInstance(URI.create("/api/v1/consents/" + BSN));
        assertThat(ProblemBodies.scrub(p).getInstance()).isNull();
    }

    @Test
    void aDetailRepeatingABsnIsReplacedByTheStatusSentence() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The log has no entry " + BSN + ".");
        assertThat(ProblemBodies.scrub(p).getDetail()).isEqualTo("No such resource.");
        ProblemDetail spaced = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "bad value 999-99-3653");
        assertThat(ProblemBodies.scrub(spaced).getDetail()).doesNotContain("3653");
    }

    @Test
    void anOrdinaryDetailIsKept() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The log has no entry 12.");
        assertThat(ProblemBodies.scrub(p).getDetail()).isEqualTo("The log has no entry 12.");
    }

    @Test
    void invalidFieldsRepeatingABsnAreWithheld() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "see invalidFields");
        p.setProperty(
                "invalidFields",
                List.of(
                        new InvalidField("subject.bsn", "must pass the 11-check"),
                        new InvalidField("reason", "contains " + BSN),
                        new InvalidField("payload." + BSN, "unknown section")));
        assertThat(ProblemBodies.scrub(p).getProperties().get("invalidFields"))
                .isEqualTo(List.of(
                        new InvalidField("subject.bsn", "must pass the 11-check"),
                        new InvalidField("reason", ProblemBodies.WITHHELD),
                        new InvalidField("*", ProblemBodies.WITHHELD)));
    }

    @Test
    void everyStatusHasOneOfOurTypes() {
        assertThat(StatusProblems.of(400).getType()).isEqualTo(ProblemTypes.MALFORMED_REQUEST);
        assertThat(StatusProblems.of(404).getType()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(StatusProblems.of(405).getType()).isEqualTo(ProblemTypes.METHOD_NOT_ALLOWED);
        assertThat(StatusProblems.of(406).getType()).isEqualTo(ProblemTypes.NOT_ACCEPTABLE);
        assertThat(StatusProblems.of(413).getType()).isEqualTo(ProblemTypes.PAYLOAD_TOO_LARGE);
        assertThat(StatusProblems.of(415).getType()).isEqualTo(ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertThat(StatusProblems.of(431).getType()).isEqualTo(ProblemTypes.MALFORMED_REQUEST);
        assertThat(StatusProblems.of(500).getType()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(StatusProblems.of(502).getType()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(StatusProblems.of(503).getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(StatusProblems.of(599).getTitle()).isEqualTo("Error");
    }

    @Test
    void theErrorPageAnswersTheDispatchedStatusAnd404WhenCalledDirectly() {
        assertThat(ProblemErrorController.status(null)).isEqualTo(404);
        assertThat(ProblemErrorController.status(400)).isEqualTo(400);
        assertThat(ProblemErrorController.status(503)).isEqualTo(503);
        assertThat(ProblemErrorController.status(200)).isEqualTo(500);
        assertThat(ProblemErrorController.status("400")).isEqualTo(500);
    }
}
