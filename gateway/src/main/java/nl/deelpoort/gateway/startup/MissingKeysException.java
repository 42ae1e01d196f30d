package nl.deelpoort.gateway.startup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Keys that production must configure are not configured (and outside the dev profile the gateway
 * does not generate them). The message names every property and environment variable; it never
 * holds a key.
 */
public class MissingKeysException extends IllegalStateException {

    /** One missing setting: the property, the environment variable(s) that set it, what it is. */
    public record MissingKey(String property, String environmentVariable, String purpose) {

        String describe() {
            return "- " + property + " (environment " + environmentVariable + "): " + purpose;
        }
    }

    private final transient List<MissingKey> missing;

    public MissingKeysException(List<MissingKey> missing) {
        super("Outside the dev profile the gateway does not start without these keys, and does not generate them:\n"
                + missing.stream().map(MissingKey::describe).collect(Collectors.joining("\n")));
        this.missing = List.copyOf(missing);
    }

    public MissingKeysException(MissingKey missing) {
        this(List.of(missing));
    }

    public List<MissingKey> missing() {
        return missing;
    }
}
