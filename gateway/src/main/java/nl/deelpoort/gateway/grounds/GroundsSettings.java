package nl.deelpoort.gateway.grounds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the legal grounds.
 *
 * @param overrideMaxDuration the longest a safety override may last; the framework's own maximum
 *     (72 hours) still applies when this is longer, so this can only narrow it
 * @param overrideDefaultDuration how long an override lasts when the professional names no duration
 * @param maxListSize most rows a search or the review queue answers with (newest first)
 */
@ConfigurationProperties("deelpoort.grounds")
record GroundsSettings(Duration overrideMaxDuration, Duration overrideDefaultDuration, Integer maxListSize) {

    GroundsSettings {
        if (overrideMaxDuration == null) {
            overrideMaxDuration = Duration.ofHours(72);
        }
        if (overrideMaxDuration.isNegative() || overrideMaxDuration.isZero()) {
            throw new IllegalArgumentException("deelpoort.grounds.override-max-duration must be positive");
        }
        if (overrideDefaultDuration == null) {
            overrideDefaultDuration = overrideMaxDuration;
        }
        if (overrideDefaultDuration.isNegative()
                || overrideDefaultDuration.isZero()
                || overrideDefaultDuration.compareTo(overrideMaxDuration) > 0) {
            throw new IllegalArgumentException(
                    "deelpoort.grounds.override-default-duration must be positive and at most override-max-duration");
        }
        if (maxListSize == null) {
            maxListSize = 200;
        }
        if (maxListSize < 1) {
            throw new IllegalArgumentException("deelpoort.grounds.max-list-size must be at least 1");
        }
    }
}
