package nl.deelpoort.gateway.console.officer;

import java.time.Duration;
import java.time.Instant;

/**
 * How long ago something happened, as people say it: "zojuist", "5 minuten geleden", "3 uur
 * geleden", "4 dagen geleden". Hours up to two days, because "36 uur geleden" tells a reviewer more
 * than "1 dag geleden" when an override lasts at most 72 hours.
 *
 * @param key the message key ({@code officer.age.*}), which words the amount
 */
record Age(String key, long amount) {

    static Age between(Instant then, Instant now) {
        Duration ago = now.isAfter(then) ? Duration.between(then, now) : Duration.ZERO;
        if (ago.toMinutes() < 1) {
            return new Age("officer.age.now", 0);
        }
        if (ago.toHours() < 1) {
            return new Age("officer.age.minutes", ago.toMinutes());
        }
        if (ago.toHours() < 48) {
            return new Age("officer.age.hours", ago.toHours());
        }
        return new Age("officer.age.days", ago.toDays());
    }
}
