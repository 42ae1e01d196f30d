package nl.deelpoort.gateway.console.professional;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import org.springframework.stereotype.Component;

/**
 * The choices the grounds forms offer, from the framework in force, labelled in the viewer's
 * language. Offering only the purposes some flow asks consent for (or lets an override stand in
 * for) spares the professional a refusal; the service still judges whatever is sent.
 */
@Component
final class GroundChoices {

    /** A value the form sends and the words shown for it. */
    record Option(String value, String label) {}

    private final Framework framework;

    GroundChoices(Framework framework) {
        this.framework = framework;
    }

    List<Option> consentPurposes(PolicyWords words) {
        return purposes(Flow::consentRequired, words);
    }

    List<Option> overridePurposes(PolicyWords words) {
        return purposes(Flow::overridable, words);
    }

    List<Option> organisations() {
        return framework.organisations().stream()
                .sorted(Comparator.comparing(Organisation::name))
                .map(o -> new Option(o.id().value(), o.name()))
                .toList();
    }

    List<Option> categories(PolicyWords words) {
        return Arrays.stream(Category.values())
                .map(c -> new Option(c.name(), words.label(c)))
                .toList();
    }

    List<Option> giverRoles(PolicyWords words) {
        return Arrays.stream(ConsentGiverRole.values())
                .map(r -> new Option(r.name(), words.label(r)))
                .toList();
    }

    /** The risk levels an override may name (labels in the bundle: {@code grounds.risk.*}). */
    List<String> riskLevels() {
        return framework.overridePolicy().riskLevels().stream().map(Enum::name).toList();
    }

    private List<Option> purposes(Predicate<Flow> which, PolicyWords words) {
        return framework.flows().stream()
                .filter(which)
                .map(Flow::purpose)
                .distinct()
                .sorted()
                .map(p -> new Option(p.name(), words.label(p)))
                .toList();
    }
}
