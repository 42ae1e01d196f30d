package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Test
    void aValidTraceparentIsContinuedWithANewSpanOfOurOwn() {
        TraceContext t = TraceContext.continueFrom("00-" + TRACE + "-" + PARENT + "-01");
        assertThat(t.traceId()).isEqualTo(TRACE);
        assertThat(t.parentSpanId()).contains(PARENT);
        assertThat(t.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT);
        assertThat(t.flags()).isEqualTo("01");
        assertThat(t.traceparent()).isEqualTo("00-" + TRACE + "-" + t.spanId() + "-01");
    }

    @Test
    void aLaterVersionMayCarryMoreFields() {
        assertThat(TraceContext.parse("cc-" + TRACE + "-" + PARENT + "-01-what-the-future-holds"))
                .hasValueSatisfying(p -> assertThat(p.traceId()).isEqualTo(TRACE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "garbage",
                "00-" + TRACE + "-" + PARENT + "-01-extra", // version 00 has exactly four fields
                "00-" + TRACE + "-" + PARENT, // flags missing
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + PARENT + "-01", // upper case
                "00-00000000000000000000000000000000-" + PARENT + "-01", // all-zero trace id
                "00-" + TRACE + "-0000000000000000-01", // all-zero parent id
                "ff-" + TRACE + "-" + PARENT + "-01", // version ff is invalid
                "0x-" + TRACE + "-" + PARENT + "-01", // version not hex
                "00_" + TRACE + "-" + PARENT + "-01", // wrong separator
                "00-" + TRACE + "-" + PARENT + "-zz", // flags not hex
                "cc-" + TRACE + "-" + PARENT + "-01x", // later version, but no dash after flags
            })
    void aMalformedTraceparentStartsANewTrace(String header) {
        assertThat(TraceContext.parse(header)).isEmpty();
        TraceContext t = TraceContext.continueFrom(header);
        assertThat(t.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE);
        assertThat(t.parentSpanId()).isEmpty();
        assertThat(t.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
    }
}
