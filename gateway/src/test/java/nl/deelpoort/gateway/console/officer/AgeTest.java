package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Age ago(Duration d) {
        return Age.between(NOW.minus(d), NOW);
    }

    @Test
    void wordsTheTimeSinceInTheUnitAReviewerNeeds() {
        assertThat(ago(Duration.ofSeconds(20))).isEqualTo(new Age("officer.age.now", 0));
        assertThat(ago(Duration.ofMinutes(5))).isEqualTo(new Age("officer.age.minutes", 5));
        assertThat(ago(Duration.ofMinutes(59))).isEqualTo(new Age("officer.age.minutes", 59));
        assertThat(ago(Duration.ofMinutes(180))).isEqualTo(new Age("officer.age.hours", 3));
        assertThat(ago(Duration.ofHours(47))).isEqualTo(new Age("officer.age.hours", 47));
        assertThat(ago(Duration.ofHours(72))).isEqualTo(new Age("officer.age.days", 3));
    }

    @Test
    void aTimeAheadOfTheClockIsNow() {
        assertThat(Age.between(NOW.plusSeconds(90), NOW)).isEqualTo(new Age("officer.age.now", 0));
    }
}
