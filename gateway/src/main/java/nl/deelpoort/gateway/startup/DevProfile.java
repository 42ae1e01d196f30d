package nl.deelpoort.gateway.startup;

import org.springframework.core.env.Environment;

/**
 * The {@code dev} Spring profile: the local stack and the tests run with it (DevServices sets it),
 * and only with it does the gateway generate missing keys into its data folders.
 */
public final class DevProfile {

    public static final String NAME = "dev";

    public static boolean active(Environment environment) {
        return environment.matchesProfiles(NAME);
    }

    private DevProfile() {}
}
