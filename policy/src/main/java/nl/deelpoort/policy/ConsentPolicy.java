package nl.deelpoort.policy;

import java.time.Period;
import java.util.Objects;

/**
 * Who may give consent and for how long (docs/domain.md, Legal grounds, following Jeugdwet art. 7.3.4 / WGBO).
 *
 * @param jointFromAge from this age the minor consents together with a parent with authority or guardian
 * @param aloneFromAge from this age the minor consents alone
 * @param adultAge from this age the subject or a legal representative consents
 */
public record ConsentPolicy(
        int jointFromAge, int aloneFromAge, int adultAge, Period maxValidity, Period defaultValidity) {
    public ConsentPolicy {
        Objects.requireNonNull(maxValidity, "maxValidity");
        Objects.requireNonNull(defaultValidity, "defaultValidity");
        if (jointFromAge <= 0 || jointFromAge > aloneFromAge || aloneFromAge > adultAge) {
            throw new IllegalArgumentException("ages must satisfy 0 < jointFromAge <= aloneFromAge <= adultAge");
        }
    }
}
